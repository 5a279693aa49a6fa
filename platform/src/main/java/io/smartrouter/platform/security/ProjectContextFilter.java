package io.smartrouter.platform.security;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.ErrorEnvelopeHandler;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * A service's check that a request came through the gateway: without a valid gateway signature nothing but the
 * actuator endpoints answers. {@code /internal/**} paths answer only calls signed by another service
 * ({@link InternalCalls}), never gateway-signed ones. The verified caller is put on the exchange for
 * {@link ProjectContext#of}.
 */
public class ProjectContextFilter implements WebFilter, Ordered {

    private final ServiceAuthentication authentication;
    private final InternalCalls internalCalls;
    private final ObjectMapper json;

    public ProjectContextFilter(ServiceAuthentication authentication, InternalCalls internalCalls, ObjectMapper json) {
        this.authentication = authentication;
        this.internalCalls = internalCalls;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        boolean internal = InternalCalls.isInternal(path);
        var caller = internal
                ? internalCalls.verify(request.getHeaders(), request.getMethod().name(), path, RequestIds.of(exchange))
                : authentication.verify(request.getHeaders(), request.getMethod().name(), path, RequestIds.of(exchange))
                        .filter(verified -> verified.keyType() != KeyType.SERVICE);
        if (caller.isEmpty()) {
            return ErrorEnvelopeHandler.write(exchange, json, new ApiException(PlatformErrorCode.AUTHENTICATION_INVALID,
                    internal
                    ? "Internal endpoints answer only other Smart Router services" : "Requests must come through the API gateway"));
        }
        exchange.getAttributes().put(ProjectContext.ATTRIBUTE, caller.get());
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
