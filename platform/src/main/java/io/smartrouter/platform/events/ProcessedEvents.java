package io.smartrouter.platform.events;

import io.smartrouter.schemas.envelope.EventEnvelope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a Kafka consumer idempotent. Publication is at-least-once, so a consumer may see an event twice (a batch
 * retried by the publisher, a consumer that crashed before committing its offset). {@link #processOnce} runs the
 * handler only for an event id this consumer has not processed, and records the id in the same database transaction
 * as the handler's own writes, so a crash either keeps both or neither. {@link #processBatch} does the same for a whole
 * poll of records in one transaction: under load, one commit, one lookup and one batched insert for many events instead
 * of one each.
 */
public class ProcessedEvents {

    static final String TABLE = "processed_event";
    private static final int MAX_CONSUMER_LENGTH = 100;
    /** Far below every database's limit on a statement's parameters; a Kafka poll is 500 records at most. */
    private static final int MAX_IDS_PER_QUERY = 500;
    private static final String INSERT = "INSERT INTO " + TABLE + " (consumer, event_id, processed_at) VALUES (?, ?, ?)";

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
        checkName(consumer);
        return Boolean.TRUE.equals(transactions.execute(status -> applyOnce(consumer, eventId, handler)));
    }

    /** One record of a batch: its event id, and what applying the event does. */
    public record Once(ConsumerRecord<?, ?> record, String eventId, Runnable handler) {
    }

    /**
     * Applies a batch listener's records, each once per event id as {@link #processOnce} does, in one transaction.
     * Returns how many ran. Should one fail, the whole transaction has rolled back: the records are then applied again
     * one transaction each, so those before the failing one are kept, and the failure is thrown as a
     * {@link BatchListenerFailedException} naming its record; the container commits the offsets before it and
     * retries from it, as it would with a record listener.
     */
    public int processBatch(String consumer, List<Once> batch) {
        checkName(consumer);
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            Integer ran = transactions.execute(status -> applyAll(consumer, batch));
            return ran == null ? 0 : ran;
        } catch (RuntimeException failure) {
            int ran = 0;
            for (Once once : batch) {
                try {
                    ran += processOnce(consumer, once.eventId(), once.handler()) ? 1 : 0;
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("Event " + once.eventId() + " failed", e, once.record());
                }
            }
            return ran;
        }
    }

    /**
     * A batch listener's poll: the records whose envelope is {@code wanted} applied with {@code apply}, as
     * {@link #processBatch} does; the others are neither applied nor recorded. Returns how many ran.
     */
    public int processRecords(String consumer, List<ConsumerRecord<String, EventEnvelope>> records,
            Predicate<EventEnvelope> wanted, Consumer<EventEnvelope> apply) {
        List<Once> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            EventEnvelope envelope = record.value();
            if (wanted.test(envelope)) {
                batch.add(new Once(record, envelope.getEventId(), () -> apply.accept(envelope)));
            }
        }
        return processBatch(consumer, batch);
    }

    /**
     * A batch in the current transaction: one select for the ids already processed, the handlers of the others in
     * order (an id repeated within the batch once), then their ids in one batched insert.
     */
    private int applyAll(String consumer, List<Once> batch) {
        Set<String> seen = new HashSet<>();
        for (int from = 0; from < batch.size(); from += MAX_IDS_PER_QUERY) {
            List<Once> part = batch.subList(from, Math.min(batch.size(), from + MAX_IDS_PER_QUERY));
            List<Object> arguments = new ArrayList<>(part.size() + 1);
            arguments.add(consumer);
            part.forEach(once -> arguments.add(once.eventId()));
            seen.addAll(jdbc.queryForList("SELECT event_id FROM " + TABLE + " WHERE consumer = ? AND event_id IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")", String.class,
                    arguments.toArray()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> applied = new ArrayList<>(batch.size());
        for (Once once : batch) {
            if (seen.add(once.eventId())) {
                once.handler().run();
                applied.add(new Object[] {consumer, once.eventId(), now});
            }
        }
        if (!applied.isEmpty()) {
            jdbc.batchUpdate(INSERT, applied);
        }
        return applied.size();
    }

    private boolean applyOnce(String consumer, String eventId, Runnable handler) {
        Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE consumer = ? AND event_id = ?",
                Integer.class, consumer, eventId);
        if (seen != null && seen > 0) {
            return false;
        }
        handler.run();
        jdbc.update(INSERT, consumer, eventId, Timestamp.from(clock.instant()));
        return true;
    }

    private static void checkName(String consumer) {
        if (consumer.length() > MAX_CONSUMER_LENGTH) {
            throw new IllegalArgumentException("consumer name too long");
        }
    }
}
