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
 * <p>
 * Work asked for on one of these threads between two pieces of work runs there, at once: a chain of blocking steps (an
 * authorization's invoice lookup, routing, command, sandbox ledger, outcome and answer) stays on the thread that ran
 * its first step instead of handing each step to another thread, which on two cores cost a wake-up and, as often as
 * not, the caller's core (ADR 0032). Work asked for from inside a piece of work (one that waits for another with
 * {@code block()}) is still handed over, so every piece of work runs outside any other's transaction or unit of work.
 */
public final class Blocking {

    /** As many threads as Reactor's bounded elastic scheduler would allow, and the same bounded queue. */
    private static final int THREADS = 10 * Runtime.getRuntime().availableProcessors();
    private static final int QUEUED = 100_000;

    /**
     * The threads of blocking work. Handed over as a plain {@code Executor}: given the {@code ExecutorService} itself,
     * Reactor would run tasks as futures and cancel them with an interrupt; with {@code execute} only, it cannot.
     */
    private static final Scheduler SCHEDULER = Schedulers.fromExecutor(executor()::execute);

    private Blocking() {
    }

    /** Calls {@code work} on {@link #SCHEDULER}, or at once on one of its threads. A null result completes it empty. */
    public static <T> Mono<T> call(Callable<T> work) {
        return offTheEventLoop(Mono.fromCallable(() -> BlockingThread.working(work)));
    }

    /** Starts {@code dispatch} (e.g. {@code commandGateway.send(...)}) on {@link #SCHEDULER}, or at once on its threads. */
    public static <T> Mono<T> future(Supplier<CompletableFuture<T>> dispatch) {
        return offTheEventLoop(Mono.fromCallable(() -> BlockingThread.working(dispatch::get)).flatMap(Mono::fromFuture));
    }

    /** Whether work asked for now would run at once: on one of {@link #SCHEDULER}'s threads, between two pieces of work. */
    static boolean runsAtOnce() {
        return Thread.currentThread() instanceof BlockingThread thread && !thread.working;
    }

    private static <T> Mono<T> offTheEventLoop(Mono<T> work) {
        return Mono.defer(() -> runsAtOnce() ? work : work.subscribeOn(SCHEDULER));
    }

    /** A thread of blocking work, which knows whether it is running a piece of work right now. */
    private static final class BlockingThread extends Thread {

        private boolean working;

        BlockingThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }

        /** Runs {@code work}, marking the current thread, if it is one of these, as working meanwhile. */
        static <T> T working(Callable<T> work) throws Exception {
            if (!(Thread.currentThread() instanceof BlockingThread thread) || thread.working) {
                return work.call();
            }
            thread.working = true;
            try {
                return work.call();
            } finally {
                thread.working = false;
            }
        }
    }

    private static ThreadPoolExecutor executor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> new BlockingThread(task, "blocking-" + count.incrementAndGet());
        var executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUED), threads);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
