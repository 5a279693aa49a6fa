package io.smartrouter.gateway.proxy;

import io.smartrouter.gateway.auth.BasicAuthenticator;
import io.smartrouter.gateway.config.GatewayProperties;
import io.smartrouter.gateway.routing.RouteTable;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ProjectContext;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every public request: route it, authenticate the caller, check the key type, forward it. */
public class GatewayHandler {

    static final String CALLER_ATTRIBUTE = GatewayHandler.class.getName() + ".caller";
    private static final String CHALLENGE = "Basic realm=\"Smart Router\"";

    private final GatewayProperties properties;
    private final BasicAuthenticator authenticator;
    private final ServiceProxy proxy;

    public GatewayHandler(GatewayProperties properties, BasicAuthenticator authenticator, ServiceProxy proxy) {
        this.properties = properties;
        this.authenticator = authenticator;
        this.proxy = proxy;
    }

    public Mono<Void> handle(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        var route = RouteTable.resolve(request.getMethod(), path).orElse(null);
        if (route == null) {
            return Mono.error(new ApiException(PlatformErrorCode.ROUTE_NOT_FOUND, "No such endpoint"));
        }
        ProjectContext caller;
        try {
            caller = authenticator.authenticate(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        } catch (ApiException e) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            return Mono.error(e);
        }
        exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
        if (caller.keyType() == KeyType.PUBLIC && !route.publicKeyAllowed()) {
            return Mono.error(new ApiException(PlatformErrorCode.SECRET_KEY_REQUIRED,
                    "This call requires the project's secret key"));
        }
        URI service = properties.services().get(route.service());
        if (service == null) {
            return Mono.error(new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE,
                    "The " + route.service() + " service is not configured"));
        }
        return proxy.forward(exchange, service, caller);
    }
}
