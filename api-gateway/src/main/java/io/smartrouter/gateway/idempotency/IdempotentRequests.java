package io.smartrouter.gateway.idempotency;

import io.smartrouter.gateway.GatewayErrorCode;
import io.smartrouter.gateway.idempotency.IdempotencyStore.Claim;
import io.smartrouter.gateway.idempotency.IdempotencyStore.StoredResponse;
import io.smartrouter.gateway.proxy.ServiceProxy.ServiceAnswer;
import io.smartrouter.gateway.proxy.ServiceProxy;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.platform.web.IdempotencyKeys;
import io.smartrouter.platform.web.RequestIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on POST, PUT and DELETE (API.md). The request is fingerprinted (SHA-256 of method, path,
 * query and body) and the key claimed in the shared database; only the claimant forwards it. Its answer is read whole
 * and kept, then relayed; later requests with that key replay it ({@code Idempotent-Replayed: true}), or get 409 while
 * it still runs and 422 when their fingerprint differs.
 *
 * <p>What is kept: every answer below 500, and the gateway's own 502 for an answer too large to keep. Not kept, so the
 * client may simply retry: a 5xx answered by the service, and a 503 for a service the request never reached. Neither
 * kept nor released: a timeout or a dropped connection, after which the service may have acted; the key stays in
 * progress until its lease expires (as when the gateway itself dies mid-request) and a retry then runs again.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);
    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotencyStore store;
    private final ServiceProxy proxy;
    private final int maxResponseBytes;

    public IdempotentRequests(IdempotencyStore store, ServiceProxy proxy, int maxResponseBytes) {
        this.store = store;
        this.proxy = proxy;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Whether this request carries a key that applies (other methods ignore the header). */
    public static boolean applies(ServerHttpRequest request) {
        return METHODS.contains(request.getMethod()) && request.getHeaders().containsHeader(HEADER);
    }

    public Mono<Void> forward(ServerWebExchange exchange, URI service, ProjectContext caller) {
        return Mono.defer(() -> forwardWithKey(exchange, service, caller, validKey(exchange.getRequest().getHeaders())));
    }

    private Mono<Void> forwardWithKey(ServerWebExchange exchange, URI service, ProjectContext caller, String key) {
        String project = caller.projectId().value();
        return proxy.readBody(exchange).flatMap(body -> {
            String fingerprint = fingerprint(exchange.getRequest(), body);
            return Blocking.call(() -> store.claim(project, key, fingerprint)).flatMap(claim -> {
                if (claim instanceof Claim.Run run) {
                    return run(exchange, service, caller, body, key, run.owner());
                }
                if (claim instanceof Claim.Replay replay) {
                    return replay(replay.response(), exchange.getResponse());
                }
                if (claim instanceof Claim.KeyReused) {
                    return Mono.error(new ApiException(GatewayErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used with a different request; use a new key"));
                }
                return Mono.error(new ApiException(GatewayErrorCode.IDEMPOTENCY_IN_PROGRESS,
                        "A request with this Idempotency-Key is still in progress; retry once it has finished"));
            });
        });
    }

    private Mono<Void> run(ServerWebExchange exchange, URI service, ProjectContext caller, byte[] body, String key,
            String owner) {
        String project = caller.projectId().value();
        return proxy.exchange(exchange, service, caller, body, maxResponseBytes)
                .flatMap(answer -> {
                    Mono<?> bookkeeping = answer.status() >= 500
                            ? Blocking.call(() -> {
                                store.release(project, key, owner);
                                return true;
                            })
                            : Blocking.call(() -> store.complete(project, key, owner, stored(answer)));
                    return bookkeeping.then(ServiceProxy.write(answer, exchange.getResponse()));
                })
                .onErrorResume(failure -> {
                    if (failure instanceof ApiException api && api.code() == GatewayErrorCode.RESPONSE_TOO_LARGE) {
                        return Blocking.call(() -> store.complete(project, key, owner, envelope(api)))
                                .then(Mono.error(failure));
                    }
                    if (ServiceProxy.neverSent(failure)) {
                        return Blocking.call(() -> {
                            store.release(project, key, owner);
                            return true;
                        }).then(Mono.error(ServiceProxy.unavailable(failure)));
                    }
                    log.warn("Idempotency key of request {} stays in progress until its lease expires: the outcome "
                            + "at the service is unknown ({})", RequestIds.of(exchange), failure.getClass().getSimpleName());
                    return Mono.error(ServiceProxy.unavailable(failure));
                });
    }

    private static Mono<Void> replay(StoredResponse stored, ServerHttpResponse response) {
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        if (stored.contentType() != null) {
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, stored.contentType());
        }
        response.getHeaders().set(REPLAYED, "true");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(stored.body())));
    }

    private static StoredResponse stored(ServiceAnswer answer) {
        return new StoredResponse(answer.status(), answer.headers().getFirst(HttpHeaders.CONTENT_TYPE), answer.body());
    }

    private static StoredResponse envelope(ApiException error) {
        String json = "{\"success\":false,\"error_type\":\"" + error.code().type() + "\",\"message\":\""
                + error.getMessage() + "\"}";
        return new StoredResponse(error.code().status(), "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String validKey(HttpHeaders headers) {
        var values = headers.get(HEADER);
        String key = values == null || values.size() != 1 ? "" : values.get(0);
        if (!IdempotencyKeys.isWellFormed(key)) {
            throw new ApiException(GatewayErrorCode.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be one non-empty value of at most " + IdempotencyKeys.MAX_LENGTH + " characters");
        }
        return key;
    }

    /** Method, path, query and body: the same key with anything else changed is a different request. */
    static String fingerprint(ServerHttpRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getURI().getRawQuery();
            digest.update((request.getMethod().name() + " " + request.getPath().pathWithinApplication().value()
                    + (query == null ? "" : "?" + query) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
