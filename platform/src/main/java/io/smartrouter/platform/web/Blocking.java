package io.smartrouter.platform.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs blocking work (Axon's command and query buses, JDBC) off the Netty event loop. Axon's simple buses run
 * handlers on the caller's thread, so dispatching from a WebFlux handler without this would block the event loop.
 * <p>
 * The work runs on {@link #SCHEDULER}, not on Reactor's bounded elastic scheduler: that one interrupts a running task
 * when its subscriber cancels (a client that hangs up, a {@code timeout()} downstream), and an interrupt during file
 * I/O closes the {@code FileChannel} under it. On H2 that closed the whole database for the rest of the process's life
 * (seen in {@code make chaos}: "The database has been closed", caused by {@code ClosedByInterruptException} in a
 * commit). Here a cancelled call is never interrupted: the work runs to its end (its transaction commits or rolls back
 * as it would have) and only its result is dropped, which is what a caller that went away can expect anyway.
 */
public final class Blocking {

    /** As many threads as Reactor's bounded elastic scheduler would allow, and the same bounded queue. */
    private static final int THREADS = 10 * Runtime.getRuntime().availableProcessors();
    private static final int QUEUED = 100_000;

    /**
     * The threads of blocking work. Handed over as a plain {@code Executor}: given the {@code ExecutorService} itself,
     * Reactor would run tasks as futures and cancel them with an interrupt; with {@code execute} only, it cannot.
     */
    public static final Scheduler SCHEDULER = Schedulers.fromExecutor(executor()::execute);

    private Blocking() {
    }

    /** Calls {@code work} on {@link #SCHEDULER}. A null result completes the Mono empty. */
    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(SCHEDULER);
    }

    /** Starts {@code dispatch} (e.g. {@code commandGateway.send(...)}) on {@link #SCHEDULER}. */
    public static <T> Mono<T> future(Supplier<CompletableFuture<T>> dispatch) {
        return Mono.defer(() -> Mono.fromFuture(dispatch.get())).subscribeOn(SCHEDULER);
    }

    private static ThreadPoolExecutor executor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "blocking-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        var executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUED), threads);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
