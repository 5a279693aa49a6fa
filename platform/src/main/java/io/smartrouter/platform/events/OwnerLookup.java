package io.smartrouter.platform.events;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.platform.web.WebClients;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The service that owns a kind of object, asked whether a project has one that a projection of its events has not
 * heard of even with the topic read to its end ({@link ConsumerProgress}): the object's creation can be committed there
 * and not yet published (the owner died before its publisher ran), and "not found" would then be false (ADR 0025).
 * {@code GET /internal/<collection>/<id>}, an internal call signed for the project, answered 204 (the project has it)
 * or 404 (it does not: unknown, deleted, or another project's); anything else, or no answer within the timeout, is a
 * 503: nobody can tell yet. Blocking: asked from blocking lookups only.
 */
public class OwnerLookup {

    private final WebClient web;
    private final String collection;
    private final InternalCalls internalCalls;
    private final Duration timeout;

    public OwnerLookup(String ownerUrl, String collection, InternalCalls internalCalls, Duration timeout) {
        this.web = WebClients.withTimeouts(ownerUrl, timeout, timeout);
        this.collection = collection;
        this.internalCalls = internalCalls;
        this.timeout = timeout;
    }

    /**
     * The owner's side: the answer to {@code GET /internal/<collection>/<id>} for the internal caller's project, 204
     * when {@code lookup} finds the object there, else 404 (a malformed id without looking). Blocking lookups run off
     * the event loop.
     */
    public static Mono<ResponseEntity<Void>> answer(ProjectContext caller, String resource, String id, boolean wellFormed,
            Supplier<CompletableFuture<Boolean>> lookup) {
        caller.requireInternalCaller();
        if (!wellFormed) {
            return Mono.error(ApiException.notFound(resource, "(malformed)"));
        }
        return Blocking.future(lookup).flatMap(exists -> exists ? Mono.just(ResponseEntity.noContent().<Void>build())
                : Mono.error(ApiException.notFound(resource, id)));
    }

    /**
     * Returns when the owner says the project has no object {@code id}, so that "not found" is true; else (the owner has
     * it, not yet published, or cannot tell) throws a retriable 503 naming the {@code resource}.
     */
    public void requireUnknownToOwner(ProjectId project, String id, String resource) {
        if (exists(project, id)) {
            throw new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "This " + resource + " was created a moment "
                    + "ago and has not reached this service yet; retry shortly");
        }
    }

    /** Whether the project has the object {@code id} at its owner; a 503 when the owner cannot tell. */
    private boolean exists(ProjectId project, String id) {
        String path = InternalCalls.PATH_PREFIX + collection + "/" + id;
        HttpStatus status = web.get().uri(path)
                .headers(internalCalls.headers(project, "GET", path))
                .exchangeToMono(response -> response.releaseBody().thenReturn(HttpStatus.valueOf(
                        response.statusCode().value())))
                .timeout(timeout)
                .onErrorResume(unreachable -> Mono.just(HttpStatus.SERVICE_UNAVAILABLE))
                .block();
        if (status == HttpStatus.NO_CONTENT || status == HttpStatus.NOT_FOUND) {
            return status == HttpStatus.NO_CONTENT;
        }
        throw new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "Whether this object exists cannot be told now; "
                + "retry shortly");
    }
}
