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
 * actuator endpoints answers. The verified caller is put on the exchange for {@link ProjectContext#of}.
 */
public class ProjectContextFilter implements WebFilter, Ordered {

    private final ServiceAuthentication authentication;
    private final ObjectMapper json;

    public ProjectContextFilter(ServiceAuthentication authentication, ObjectMapper json) {
        this.authentication = authentication;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        var caller = authentication.verify(request.getHeaders(), request.getMethod().name(), path,
                RequestIds.of(exchange));
        if (caller.isEmpty()) {
            return ErrorEnvelopeHandler.write(exchange, json, new ApiException(PlatformErrorCode.AUTHENTICATION_INVALID,
                    "Requests must come through the API gateway"));
        }
        exchange.getAttributes().put(ProjectContext.ATTRIBUTE, caller.get());
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
