package io.smartrouter.webhook.event.store;

import io.smartrouter.platform.persistence.PeriodicJob;
import io.smartrouter.webhook.delivery.worker.Deliveries;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the public events older than the retention, with their deliveries, their attempts and their wait for an
 * invoice, once none of their deliveries can be attempted again (succeeded, dead or cancelled): {@code GET /events},
 * the delivery log, resends and replays reach back that far, no further. The domain events stay on Kafka and in the event
 * stores for good. Runs every {@code interval} on a thread of its own, in batches, each in one transaction; every
 * instance may run it (the deletes are idempotent). A delivery created meanwhile for an expired event (a resend) keeps
 * its event and its attempts: only final deliveries are deleted, and an event only once it has no delivery left.
 */
public class EventRetention implements AutoCloseable {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);
    private static final String FINAL = "'" + String.join("', '", Deliveries.SUCCEEDED, Deliveries.DEAD,
            Deliveries.CANCELLED) + "'";
    /** Oldest first, along the occurred_at index; an event with a delivery still to attempt is skipped. */
    private static final String EXPIRED = "SELECT e.event_id FROM public_event e WHERE e.occurred_at < ? "
            + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.event_id AND d.status NOT IN ("
            + FINAL + ")) ORDER BY e.occurred_at FETCH FIRST " + BATCH + " ROWS ONLY";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retention;
    private final PeriodicJob rounds;

    public EventRetention(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
            Duration retention, Duration interval) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.retention = retention;
        this.rounds = new PeriodicJob("event-retention", interval, this::round);
    }

    /** Deletes every expired event that can go, batch by batch; answers how many went. */
    public int purge() {
        long before = clock.millis() - retention.toMillis();
        int purged = 0;
        while (true) {
            List<String> expired = jdbc.queryForList(EXPIRED, String.class, before);
            int deleted = expired.isEmpty() ? 0 : transactions.execute(status -> delete(expired));
            purged += deleted;
            if (expired.size() < BATCH || deleted == 0) {
                return purged;
            }
        }
    }

    private int delete(List<String> eventIds) {
        String in = String.join(", ", Collections.nCopies(eventIds.size(), "?"));
        List<Object> twice = new ArrayList<>(eventIds);
        twice.addAll(eventIds);
        jdbc.update("DELETE FROM webhook_attempt WHERE event_id IN (" + in + ") AND delivery_id IN (SELECT delivery_id "
                + "FROM webhook_delivery WHERE event_id IN (" + in + ") AND status IN (" + FINAL + "))", twice.toArray());
        jdbc.update("DELETE FROM webhook_delivery WHERE event_id IN (" + in + ") AND status IN (" + FINAL + ")",
                eventIds.toArray());
        int deleted = jdbc.update("DELETE FROM public_event WHERE event_id IN (" + in + ") AND NOT EXISTS (SELECT 1 "
                + "FROM webhook_delivery d WHERE d.event_id = public_event.event_id)", eventIds.toArray());
        jdbc.update("DELETE FROM invoice_early_event WHERE event_id IN (" + in + ") AND NOT EXISTS (SELECT 1 "
                + "FROM public_event e WHERE e.event_id = invoice_early_event.event_id)", eventIds.toArray());
        return deleted;
    }

    private void round() {
        int purged = purge();
        if (purged > 0) {
            log.info("Deleted {} public events older than {} with their deliveries", purged, retention);
        }
    }

    @Override
    public void close() throws InterruptedException {
        rounds.close();
    }
}
