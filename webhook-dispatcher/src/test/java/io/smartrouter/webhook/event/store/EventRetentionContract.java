package io.smartrouter.webhook.event.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.testing.MutableClock;
import io.smartrouter.webhook.config.DispatcherSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** What {@link EventRetention} deletes and keeps, run on each database the dispatcher supports. */
abstract class EventRetentionContract {

    static final Duration RETENTION = Duration.ofDays(30);
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final Instant EXPIRED = NOW.minus(RETENTION).minusSeconds(1);
    static final Instant RECENT = NOW.minus(RETENTION).plusSeconds(60);

    JdbcTemplate jdbc;
    EventRetention retention;
    private int deliveries;

    abstract DataSource dataSource();

    @BeforeEach
    void tables() {
        DataSource dataSource = dataSource();
        jdbc = new JdbcTemplate(dataSource);
        DispatcherSchema.create(jdbc);
        retention = new EventRetention(jdbc, new DataSourceTransactionManager(dataSource), new MutableClock(NOW),
                RETENTION, Duration.ofDays(1));
    }

    @AfterEach
    void stop() throws InterruptedException {
        retention.close();
    }

    @Test
    void deletesExpiredEventsWithTheirFinishedDeliveriesAndTheirAttempts() {
        event("ev_delivered", EXPIRED);
        attempts(delivery("ev_delivered", "succeeded"), 2);
        attempts(delivery("ev_delivered", "dead"), 9);
        attempts(delivery("ev_delivered", "cancelled"), 0);
        event("ev_unwatched", EXPIRED);
        event("ev_recent", RECENT);
        attempts(delivery("ev_recent", "succeeded"), 1);

        assertThat(retention.purge()).isEqualTo(2);

        assertThat(ids("SELECT event_id FROM public_event")).containsExactly("ev_recent");
        assertThat(ids("SELECT event_id FROM webhook_delivery")).containsExactly("ev_recent");
        assertThat(ids("SELECT event_id FROM webhook_attempt")).containsExactly("ev_recent");
        assertThat(retention.purge()).isZero();
    }

    @Test
    void keepsAnExpiredEventWhileOneOfItsDeliveriesIsStillToBeAttempted() {
        event("ev_retrying", EXPIRED);
        attempts(delivery("ev_retrying", "succeeded"), 1);
        for (String status : new String[] {"pending", "held", "sending"}) {
            String delivery = delivery("ev_retrying", status);
            attempts(delivery, 3);

            assertThat(retention.purge()).as(status).isZero();
            assertThat(count("webhook_attempt")).isEqualTo(4);

            jdbc.update("UPDATE webhook_delivery SET status = 'dead' WHERE delivery_id = ?", delivery);
            jdbc.update("DELETE FROM webhook_attempt WHERE delivery_id = ?", delivery);
            jdbc.update("DELETE FROM webhook_delivery WHERE delivery_id = ?", delivery);
        }
        assertThat(retention.purge()).isEqualTo(1);
        assertThat(count("public_event") + count("webhook_delivery") + count("webhook_attempt")).isZero();
    }

    @Test
    void anEventThatWaitedForItsInvoiceGoesWithItsWait() {
        event("ev_early", EXPIRED);
        jdbc.update("INSERT INTO invoice_early_event (invoice_id, event_id) VALUES ('iv_never', 'ev_early')");
        jdbc.update("INSERT INTO invoice_early_event (invoice_id, event_id) VALUES ('iv_never', 'ev_other')");
        event("ev_other", RECENT);

        assertThat(retention.purge()).isEqualTo(1);

        assertThat(ids("SELECT event_id FROM invoice_early_event")).containsExactly("ev_other");
    }

    @Test
    void deletesInBatchesUntilNothingExpiredIsLeft() {
        int expired = EventRetention.BATCH * 2 + 3;
        for (int i = 0; i < expired; i++) {
            event("ev_" + i, EXPIRED.minusSeconds(i));
        }
        event("ev_recent", RECENT);

        assertThat(retention.purge()).isEqualTo(expired);
        assertThat(ids("SELECT event_id FROM public_event")).containsExactly("ev_recent");
    }

    private void event(String id, Instant occurredAt) {
        jdbc.update("INSERT INTO public_event (event_id, project_id, type, occurred_at, data) "
                + "VALUES (?, 'test-proj_demo', 'invoice.created', ?, '{}')", id, occurredAt.toEpochMilli());
    }

    private String delivery(String eventId, String status) {
        String id = "whd_" + ++deliveries;
        jdbc.update("INSERT INTO webhook_delivery (delivery_id, event_id, project_id, receiver, lane, status, attempts, "
                + "round_attempts, trigger_type, next_attempt_at, created_at, updated_at) VALUES (?, ?, 'test-proj_demo', "
                + "?, 'lane', ?, 0, 0, 'automatic', 0, 0, 0)", id, eventId, "whep_" + deliveries, status);
        return id;
    }

    private void attempts(String deliveryId, int count) {
        String eventId = jdbc.queryForObject("SELECT event_id FROM webhook_delivery WHERE delivery_id = ?", String.class,
                deliveryId);
        for (int attempt = 1; attempt <= count; attempt++) {
            jdbc.update("INSERT INTO webhook_attempt (delivery_id, event_id, attempt, trigger_type, status, duration_ms, "
                    + "attempted_at) VALUES (?, ?, ?, 'automatic', 'failed', 5, 0)", deliveryId, eventId, attempt);
        }
    }

    private List<String> ids(String sql) {
        return jdbc.queryForList(sql + " ORDER BY 1", String.class).stream().distinct().toList();
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
