package io.smartrouter.gateway.proxy;

import io.smartrouter.gateway.openapi.OpenApiRoutes;
import io.smartrouter.gateway.project.web.OperatorAuthenticator;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends every public request through {@link GatewayHandler}; lets the gateway's own endpoints through to their
 * controllers: {@code /actuator} (health) and the OpenAPI document and its UI as they are, {@code /admin} only with the
 * operator's token. Writes one access-log line per request (no bodies, no credentials, no query strings).
 */
public class GatewayFilter implements WebFilter, Ordered {

    private static final Logger accessLog = LoggerFactory.getLogger("io.smartrouter.gateway.access");
    private static final String OPERATOR = "operator";

    private final GatewayHandler handler;
    private final OperatorAuthenticator operator;

    public GatewayFilter(GatewayHandler handler, OperatorAuthenticator operator) {
        this.handler = handler;
        this.operator = operator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        // On commit, not when this filter ends: an error's status is set later, by the error envelope handler.
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> log(exchange, path, started)));
        Mono<Void> work;
        if (isUnder(path, "/actuator") || OpenApiRoutes.serves(path)) {
            work = chain.filter(exchange);
        } else if (isUnder(path, "/admin")) {
            work = Mono.defer(() -> {
                try {
                    operator.authenticate(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
                } catch (RuntimeException e) {
                    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    return Mono.error(e);
                }
                exchange.getAttributes().put(OPERATOR, true);
                return chain.filter(exchange);
            });
        } else {
            work = handler.handle(exchange);
        }
        return work;
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static void log(ServerWebExchange exchange, String path, long started) {
        ProjectContext caller = exchange.getAttribute(GatewayHandler.CALLER_ATTRIBUTE);
        String who = caller != null ? caller.projectId().value() : exchange.getAttribute(OPERATOR) != null ? OPERATOR : "-";
        var status = exchange.getResponse().getStatusCode();
        accessLog.info("{} {} {} {} {} {}ms", RequestIds.of(exchange), who, exchange.getRequest().getMethod(), path,
                status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
