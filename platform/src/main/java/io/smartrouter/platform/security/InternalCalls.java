package io.smartrouter.platform.security;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.RequestIds;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/**
 * Service-to-service calls to {@code /internal/**} endpoints (the payment service asking the vault for card details).
 * Signed like gateway requests but with a different secret, {@code smartrouter.service-secret}, that only the services
 * making and answering internal calls hold: a request the gateway signed can never pass as an internal call, and the
 * gateway does not route {@code /internal} at all.
 */
public final class InternalCalls {

    public static final String PATH_PREFIX = "/internal/";
    /**
     * The project operator calls are signed for (vault key rotation): they act on no merchant project, and no real
     * project id can take this value (generated ids have 26 random characters).
     */
    public static final ProjectId OPERATOR = new ProjectId("proj_operator");

    private final ServiceAuthentication authentication;

    public InternalCalls(String serviceSecret, Clock clock) {
        this.authentication = new ServiceAuthentication(serviceSecret, clock);
    }

    public static boolean isInternal(String path) {
        return path.startsWith(PATH_PREFIX);
    }

    /** Signs an internal call made on behalf of {@code project}. */
    public void sign(HttpHeaders headers, ProjectId project, String method, String path, String requestId) {
        authentication.sign(headers, new ProjectContext(project, KeyType.SERVICE), method, path, requestId);
    }

    /** The headers of a new internal call on behalf of {@code project}: a fresh request id, and the signature over it. */
    public Consumer<HttpHeaders> headers(ProjectId project, String method, String path) {
        String requestId = RequestIds.accept(null);
        return headers -> {
            headers.set(RequestIds.HEADER, requestId);
            sign(headers, project, method, path, requestId);
        };
    }

    /** The project an internal call is made for, or empty when it is not a validly signed internal call. */
    public Optional<ProjectContext> verify(HttpHeaders headers, String method, String path, String requestId) {
        return authentication.verify(headers, method, path, requestId)
                .filter(caller -> caller.keyType() == KeyType.SERVICE);
    }
}
