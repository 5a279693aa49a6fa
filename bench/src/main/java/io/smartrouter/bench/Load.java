package io.smartrouter.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Drives a unit of work (one HTTP call, or a whole flow of calls) either as hard as it goes with a fixed number of
 * concurrent workers (closed loop: throughput at saturation), or at a fixed arrival rate whatever the latency (open
 * loop: latency at a moderate load, without coordinated omission). Everything is bounded in time.
 */
final class Load {

    private Load() {
    }

    /** Completed units per second over {@code measure}, after {@code warmUp} with the same workers. */
    static Throughput closedLoop(int workers, Duration warmUp, Duration measure, Supplier<CompletableFuture<Boolean>> unit) {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[workers];
        for (int i = 0; i < workers; i++) {
            loops[i] = loop(unit, end, measureFrom, completed, failed);
        }
        CompletableFuture.allOf(loops).orTimeout(measure.toSeconds() + warmUp.toSeconds() + 120, TimeUnit.SECONDS)
                .join();
        return new Throughput(completed.get() / (measure.toNanos() / 1e9), completed.get(), failed.get());
    }

    private static CompletableFuture<Void> loop(Supplier<CompletableFuture<Boolean>> unit, long end, long measureFrom,
            AtomicLong completed, AtomicLong failed) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        return unit.get().exceptionally(error -> false).thenCompose(ok -> {
            long now = System.nanoTime();
            if (now >= measureFrom && now < end) {
                (ok ? completed : failed).incrementAndGet();
            }
            return loop(unit, end, measureFrom, completed, failed);
        });
    }

    /** Starts {@code perSecond} units a second for {@code duration}, then waits for the last ones to finish. */
    static Throughput openLoop(double perSecond, Duration duration, Supplier<CompletableFuture<Boolean>> unit) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = Math.round(perSecond * duration.toSeconds());
        CompletableFuture<?>[] units = new CompletableFuture<?>[(int) total];
        AtomicLong started = new AtomicLong();
        CompletableFuture<Void> allStarted = new CompletableFuture<>();
        long periodNanos = Math.round(1e9 / perSecond);
        ticker.scheduleAtFixedRate(() -> {
            long index = started.getAndIncrement();
            if (index >= total) {
                allStarted.complete(null);
                return;
            }
            units[(int) index] = unit.get().exceptionally(error -> false)
                    .thenAccept(ok -> (ok ? completed : failed).incrementAndGet());
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        try {
            allStarted.orTimeout(duration.toSeconds() + 30, TimeUnit.SECONDS).join();
            CompletableFuture.allOf(units).orTimeout(120, TimeUnit.SECONDS).join();
        } finally {
            ticker.shutdownNow();
        }
        return new Throughput(completed.get() / (double) duration.toSeconds(), completed.get(), failed.get());
    }

    /** Units per second, and how many completed or failed while measured. */
    record Throughput(double perSecond, long completed, long failed) {
    }
}
