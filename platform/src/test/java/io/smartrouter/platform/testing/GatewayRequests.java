package io.smartrouter.platform.testing;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.web.RequestIds;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Test fixture: a WebTestClient whose requests are signed the way the gateway signs forwarded requests, or the way one
 * service signs its internal calls to another.
 */
public final class GatewayRequests {

    public static final ProjectId DEMO = new ProjectId("test-proj_demo");
    public static final ProjectId OTHER = new ProjectId("test-proj_other");

    private GatewayRequests() {
    }

    public static WebTestClient asProject(WebTestClient client, ServiceAuthentication auth, ProjectId project,
            KeyType keyType) {
        return client.mutate().filter(signing(auth, new ProjectContext(project, keyType))).build();
    }

    public static WebTestClient withSecretKey(WebTestClient client, ServiceAuthentication auth, ProjectId project) {
        return asProject(client, auth, project, KeyType.SECRET);
    }

    /** A client whose requests are internal calls for {@code project}, as the payment service signs them. */
    public static WebTestClient internal(WebTestClient client, InternalCalls calls, ProjectId project) {
        return client.mutate().filter((request, next) -> {
            String requestId = RequestIds.accept(request.headers().getFirst(RequestIds.HEADER));
            return next.exchange(ClientRequest.from(request).headers(headers -> {
                headers.set(RequestIds.HEADER, requestId);
                calls.sign(headers, project, request.method().name(), request.url().getRawPath(), requestId);
            }).build());
        }).build();
    }

    private static ExchangeFilterFunction signing(ServiceAuthentication auth, ProjectContext caller) {
        return (request, next) -> {
            String requestId = RequestIds.accept(request.headers().getFirst(RequestIds.HEADER));
            ClientRequest signed = ClientRequest.from(request)
                    .headers(headers -> {
                        headers.set(RequestIds.HEADER, requestId);
                        auth.sign(headers, caller, request.method().name(), request.url().getRawPath(), requestId);
                    })
                    .build();
            return next.exchange(signed);
        };
    }
}
