package io.smartrouter.platform.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs blocking work (Axon's command and query buses, JDBC) off the Netty event loop. Axon's simple buses run
 * handlers on the caller's thread, so dispatching from a WebFlux handler without this would block the event loop.
 */
public final class Blocking {

    private Blocking() {
    }

    /** Calls {@code work} on the bounded elastic scheduler. A null result completes the Mono empty. */
    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    /** Starts {@code dispatch} (e.g. {@code commandGateway.send(...)}) on the bounded elastic scheduler. */
    public static <T> Mono<T> future(Supplier<CompletableFuture<T>> dispatch) {
        return Mono.defer(() -> Mono.fromFuture(dispatch.get())).subscribeOn(Schedulers.boundedElastic());
    }
}
