package io.smartrouter.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a Kafka consumer idempotent. Publication is at-least-once, so a consumer may see an event twice (a batch
 * retried by the publisher, a consumer that crashed before committing its offset). {@link #processOnce} runs the
 * handler only for an event id this consumer has not processed, and records the id in the same database transaction
 * as the handler's own writes, so a crash either keeps both or neither.
 */
public class ProcessedEvents {

    static final String TABLE = "processed_event";
    private static final int MAX_CONSUMER_LENGTH = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ProcessedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "consumer VARCHAR(" + MAX_CONSUMER_LENGTH + ") NOT NULL, "
                + "event_id VARCHAR(128) NOT NULL, "
                + "processed_at TIMESTAMP NOT NULL, "
                + "PRIMARY KEY (consumer, event_id))");
    }

    /**
     * Runs {@code handler} unless {@code consumer} already processed {@code eventId}. Returns whether it ran. A
     * concurrent duplicate loses on the primary key and rolls back; redelivery then finds the event processed.
     */
    public boolean processOnce(String consumer, String eventId, Runnable handler) {
        if (consumer.length() > MAX_CONSUMER_LENGTH) {
            throw new IllegalArgumentException("consumer name too long");
        }
        Boolean ran = transactions.execute(status -> {
            Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE consumer = ? AND event_id = ?",
                    Integer.class, consumer, eventId);
            if (seen != null && seen > 0) {
                return false;
            }
            handler.run();
            jdbc.update("INSERT INTO " + TABLE + " (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                    consumer, eventId, Timestamp.from(clock.instant()));
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
