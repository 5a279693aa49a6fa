package io.smartrouter.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.schemas.envelope.EventEnvelope;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.listener.BatchListenerFailedException;

class ProcessedEventsTests {

    private JdbcTemplate jdbc;
    private ProcessedEvents processed;

    @BeforeEach
    void database() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:processed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE effect (event_id VARCHAR(64))");
        processed = new ProcessedEvents(jdbc, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
    }

    @Test
    void runsAHandlerOncePerEventAndConsumer() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(processed.processOnce("projection", "ev_1", runs::incrementAndGet)).isTrue();
        assertThat(processed.processOnce("projection", "ev_1", runs::incrementAndGet)).isFalse();
        assertThat(processed.processOnce("projection", "ev_2", runs::incrementAndGet)).isTrue();
        assertThat(processed.processOnce("webhooks", "ev_1", runs::incrementAndGet)).isTrue();
        assertThat(runs.get()).isEqualTo(3);
    }

    @Test
    void aFailedHandlerLeavesNeitherItsWritesNorTheMarkSoRedeliveryRunsItAgain() {
        assertThatThrownBy(() -> processed.processOnce("projection", "ev_1", () -> {
            jdbc.update("INSERT INTO effect VALUES ('ev_1')");
            throw new IllegalStateException("crash after the write");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM effect", Integer.class)).isZero();

        assertThat(processed.processOnce("projection", "ev_1",
                () -> jdbc.update("INSERT INTO effect VALUES ('ev_1')"))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM effect", Integer.class)).isEqualTo(1);
    }

    @Test
    void survivesASecondInstanceCreatingTheTable() {
        var again = new ProcessedEvents(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()), Clock.systemUTC());
        assertThat(again.processOnce("projection", "ev_1", () -> { })).isTrue();
    }

    @Test
    void appliesABatchOncePerEventIdIncludingRepeatsWithinTheBatch() {
        processed.processOnce("projection", "ev_0", () -> { });
        int ran = processed.processBatch("projection", List.of(write(0, "ev_0"), write(1, "ev_1"), write(2, "ev_2"),
                write(3, "ev_1")));
        assertThat(ran).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT event_id FROM effect ORDER BY event_id", String.class))
                .containsExactly("ev_1", "ev_2");
        assertThat(processed.processBatch("projection", List.of())).isZero();
    }

    @Test
    void aBatchLooksUpItsIdsOnceAndRecordsThemInOneBatchedInsert() {
        processed.processOnce("projection", "ev_0", () -> { });
        jdbc.execute("SET QUERY_STATISTICS TRUE");

        assertThat(processed.processBatch("projection", List.of(write(0, "ev_0"), write(1, "ev_1"), write(2, "ev_2"),
                write(3, "ev_3")))).isEqualTo(3);

        // H2 counts a batched insert's executions one per row.
        assertThat(jdbc.queryForList("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                + "WHERE SQL_STATEMENT LIKE '%processed_event%'")).extracting(row -> row.get("EXECUTION_COUNT"))
                .containsExactlyInAnyOrder(1, 3);
        assertThat(processed.processOnce("projection", "ev_3", () -> { })).isFalse();
    }

    @Test
    void aFailingEventKeepsTheOnesBeforeItAndIsReportedWithItsRecord() {
        ProcessedEvents.Once failing = new ProcessedEvents.Once(record(1), "ev_1", () -> {
            jdbc.update("INSERT INTO effect VALUES ('ev_1')");
            throw new IllegalStateException("poison");
        });
        assertThatThrownBy(() -> processed.processBatch("projection", List.of(write(0, "ev_0"), failing,
                write(2, "ev_2"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(failing.record());
                    assertThat(e.getCause()).hasMessage("poison");
                });
        assertThat(jdbc.queryForList("SELECT event_id FROM effect", String.class)).containsExactly("ev_0");

        // The container retries from the failed record: the rest is applied, the first is not applied again.
        assertThat(processed.processBatch("projection", List.of(write(0, "ev_0"), write(1, "ev_1"), write(2, "ev_2"))))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT event_id FROM effect ORDER BY event_id", String.class))
                .containsExactly("ev_0", "ev_1", "ev_2");
    }

    @Test
    void appliesAndRecordsOnlyTheWantedRecordsOfAPoll() {
        List<ConsumerRecord<String, EventEnvelope>> poll = List.of(envelope(0, "ev_a", "Wanted"),
                envelope(1, "ev_b", "Other"), envelope(2, "ev_c", "Wanted"));

        int ran = processed.processRecords("projection", poll, envelope -> envelope.getEventType().equals("Wanted"),
                envelope -> jdbc.update("INSERT INTO effect VALUES (?)", envelope.getEventId()));

        assertThat(ran).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT event_id FROM effect ORDER BY event_id", String.class))
                .containsExactly("ev_a", "ev_c");
        assertThat(processed.processOnce("projection", "ev_b", () -> { })).as("the unwanted one is not recorded")
                .isTrue();
    }

    private static ConsumerRecord<String, EventEnvelope> envelope(int offset, String eventId, String type) {
        return new ConsumerRecord<>("events", 0, offset, "key", EventEnvelope.newBuilder().setEventId(eventId)
                .setEventType(type).setAggregateType("Test").setAggregateId("agg_1").setAggregateSequence(offset)
                .setProjectId("test-proj_demo").setOccurredAt(Instant.EPOCH).setPayload(ByteBuffer.allocate(0))
                .build());
    }

    private ProcessedEvents.Once write(int offset, String eventId) {
        return new ProcessedEvents.Once(record(offset), eventId,
                () -> jdbc.update("INSERT INTO effect VALUES (?)", eventId));
    }

    private static ConsumerRecord<String, String> record(int offset) {
        return new ConsumerRecord<>("events", 0, offset, "key", "value");
    }
}
