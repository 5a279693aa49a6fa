package io.smartrouter.gateway.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes idempotency keys past their retention every {@code interval}, on a thread of its own (JDBC, never the event
 * loop). Every instance purges; the deletes are idempotent. A key past its retention that is not purged yet is already
 * treated as unused ({@link IdempotencyStore#claim}).
 */
public class IdempotencyPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "idempotency-purge");
        thread.setDaemon(true);
        return thread;
    });

    public IdempotencyPurge(IdempotencyStore store, Duration interval) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                int purged = store.purgeExpired();
                if (purged > 0) {
                    log.info("Purged {} expired idempotency keys", purged);
                }
            } catch (RuntimeException e) {
                log.warn("Purging expired idempotency keys failed; next attempt in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
