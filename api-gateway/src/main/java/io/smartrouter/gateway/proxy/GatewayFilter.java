package io.smartrouter.gateway.proxy;

import io.smartrouter.gateway.openapi.OpenApiRoutes;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends every request except the gateway's own actuator and OpenAPI endpoints through {@link GatewayHandler}, and writes one
 * access-log line per request (no bodies, no credentials, no query strings).
 */
public class GatewayFilter implements WebFilter, Ordered {

    private static final Logger accessLog = LoggerFactory.getLogger("io.smartrouter.gateway.access");

    private final GatewayHandler handler;

    public GatewayFilter(GatewayHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Mono<Void> work = path.equals("/actuator") || path.startsWith("/actuator/") || OpenApiRoutes.serves(path)
                ? chain.filter(exchange)
                : handler.handle(exchange);
        return work.doFinally(signal -> log(exchange, path, started));
    }

    private static void log(ServerWebExchange exchange, String path, long started) {
        ProjectContext caller = exchange.getAttribute(GatewayHandler.CALLER_ATTRIBUTE);
        var status = exchange.getResponse().getStatusCode();
        accessLog.info("{} {} {} {} {} {}ms", RequestIds.of(exchange),
                caller == null ? "-" : caller.projectId(), exchange.getRequest().getMethod(), path,
                status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
