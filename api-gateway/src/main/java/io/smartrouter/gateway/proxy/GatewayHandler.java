package io.smartrouter.gateway.proxy;

import io.smartrouter.gateway.GatewayErrorCode;
import io.smartrouter.gateway.auth.BasicAuthenticator;
import io.smartrouter.gateway.config.GatewayProperties;
import io.smartrouter.gateway.idempotency.IdempotentRequests;
import io.smartrouter.gateway.ratelimit.RateLimitDecision;
import io.smartrouter.gateway.ratelimit.RateLimiter;
import io.smartrouter.gateway.routing.RouteTable;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.Blocking;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every public request: route it, authenticate the caller (in memory with the credentials read a moment ago, else off
 * the event loop: the keys are in the database; a page opened from a link by the public key of the project it names),
 * check the key type, take a rate-limit token, then forward it — through the idempotency keys when it carries one.
 */
public class GatewayHandler {

    static final String CALLER_ATTRIBUTE = GatewayHandler.class.getName() + ".caller";
    public static final String LIMIT_HEADER = "X-RateLimit-Limit";
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /** The query parameter naming the project of a page opened from a link ({@link RouteTable.Route#linkedPage}). */
    public static final String PROJECT_PARAMETER = "project_id";
    private static final String CHALLENGE = "Basic realm=\"Smart Router\"";

    private final GatewayProperties properties;
    private final BasicAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ServiceProxy proxy;
    private final IdempotentRequests idempotent;

    public GatewayHandler(GatewayProperties properties, BasicAuthenticator authenticator, RateLimiter rateLimiter,
            ServiceProxy proxy, IdempotentRequests idempotent) {
        this.properties = properties;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.proxy = proxy;
        this.idempotent = idempotent;
    }

    public Mono<Void> handle(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        var route = RouteTable.resolve(request.getMethod(), path).orElse(null);
        if (route == null) {
            return Mono.error(new ApiException(PlatformErrorCode.ROUTE_NOT_FOUND, "No such endpoint"));
        }
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        // A page opened from a link carries no credentials: the public key of the project the link names stands for
        // them (the project id is public), and a refusal has no Basic challenge, which a browser would turn into a
        // credentials prompt.
        boolean fromLink = header == null && route.linkedPage();
        String authorization = fromLink ? linkedProjectKey(request) : header;
        return Mono.defer(() -> authenticator.fromMemory(authorization).map(Mono::just)
                        .orElseGet(() -> Blocking.call(() -> authenticator.authenticate(authorization))))
                .doOnError(ApiException.class, e -> {
                    if (!fromLink) {
                        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
                    }
                })
                .flatMap(caller -> forward(exchange, path, route, caller));
    }

    /** The public key of the project a linked page names ({@link #PROJECT_PARAMETER}), or none. */
    private static String linkedProjectKey(ServerHttpRequest request) {
        String project = request.getQueryParams().getFirst(PROJECT_PARAMETER);
        return project == null ? null : BasicAuthenticator.publicKeyOf(project);
    }

    private Mono<Void> forward(ServerWebExchange exchange, String path, RouteTable.Route route, ProjectContext caller) {
        exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
        if (caller.keyType() == KeyType.PUBLIC && !route.publicKeyAllowed()) {
            return Mono.error(new ApiException(PlatformErrorCode.SECRET_KEY_REQUIRED,
                    "This call requires the project's secret key"));
        }
        RateLimitDecision decision = rateLimiter.take(caller.projectId(), path);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT_HEADER, Long.toString(decision.limit()));
        headers.set(REMAINING_HEADER, Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            return Mono.error(new ApiException(GatewayErrorCode.RATE_LIMITED,
                    "Too many requests for this project; retry after " + decision.retryAfterSeconds() + " s"));
        }
        URI service = properties.services().get(route.service());
        if (service == null) {
            return Mono.error(new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE,
                    "The " + route.service() + " service is not configured"));
        }
        return IdempotentRequests.applies(exchange.getRequest())
                ? idempotent.forward(exchange, service, caller)
                : proxy.forward(exchange, service, caller);
    }
}
