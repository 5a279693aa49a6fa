package io.smartrouter.platform.web;

import io.smartrouter.platform.security.ProjectContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request in every service's log ({@code io.smartrouter.access}): request id — the one the gateway
 * logged and forwarded, so a request can be followed across services — project, method, path, status, duration.
 * Never bodies, credentials or query strings. Written when the answer is committed, so errors show their status.
 */
public class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger accessLog = LoggerFactory.getLogger("io.smartrouter.access");
    private static final String CALLER = ProjectContext.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            ProjectContext caller = exchange.getAttribute(CALLER);
            var status = exchange.getResponse().getStatusCode();
            accessLog.info("{} {} {} {} {} {}ms", RequestIds.of(exchange), caller == null ? "-" : caller.projectId(),
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
        }));
        return chain.filter(exchange);
    }

    /** Right after {@link RequestIdFilter}, which gives the request its id. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
