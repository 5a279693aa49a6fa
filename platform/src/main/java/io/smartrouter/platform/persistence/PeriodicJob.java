package io.smartrouter.platform.persistence;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a round of database work every {@code interval} (first after one interval) on a daemon thread of its own, off
 * the event loop. A round that fails is logged and the next one runs as scheduled: a {@code ScheduledExecutorService}
 * alone would never run a task again after it threw. Stopping never interrupts a running round — an interrupt inside
 * H2's file I/O closes the database (ADR 0015) — it lets the round finish.
 */
public final class PeriodicJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final ScheduledExecutorService rounds;

    public PeriodicJob(String name, Duration interval, Runnable round) {
        this.name = name;
        this.rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(() -> run(round, interval), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void run(Runnable round, Duration interval) {
        try {
            round.run();
        } catch (RuntimeException failed) {
            LOG.warn("{} failed; the next round runs in {}", name, interval, failed);
        }
    }

    /** No more rounds; one running now finishes. Callable from a round. */
    public void stop() {
        rounds.shutdown();
    }

    public boolean running() {
        return !rounds.isShutdown();
    }

    /** Stops, then waits for a running round to end (up to 10 s), without interrupting it. */
    @Override
    public void close() throws InterruptedException {
        stop();
        rounds.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
