package io.smartrouter.gateway.idempotency;

import io.smartrouter.platform.persistence.PeriodicJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes idempotency keys past their retention every {@code interval}, on a thread of its own (JDBC, never the event
 * loop). Every instance purges; the deletes are idempotent. A key past its retention that is not purged yet is already
 * treated as unused ({@link IdempotencyStore#claim}).
 */
public class IdempotencyPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final PeriodicJob rounds;

    public IdempotencyPurge(IdempotencyStore store, Duration interval) {
        rounds = new PeriodicJob("idempotency-purge", interval, () -> {
            int purged = store.purgeExpired();
            if (purged > 0) {
                log.info("Purged {} expired idempotency keys", purged);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        rounds.close();
    }
}
