package io.smartrouter.webhook.delivery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.webhook.config.DispatcherSchema;
import io.smartrouter.webhook.event.store.PublicEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A resend or replay that arrives while the worker is recording an attempt of the same delivery (its transaction not
 * committed yet) must still redeliver: it waits for the row and re-arms it as it is then.
 */
class DeliveriesRedeliveryRaceTests {

    private static final String URL = "jdbc:h2:mem:redelivery-race;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    private Connection recorder;
    private Connection replayer;

    @BeforeEach
    void sendingDelivery() throws SQLException {
        recorder = DriverManager.getConnection(URL);
        replayer = DriverManager.getConnection(URL);
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(recorder, true));
        DispatcherSchema.create(jdbc);
        jdbc.update("INSERT INTO webhook_delivery (delivery_id, event_id, project_id, receiver, endpoint_id, lane, status, "
                + "attempts, round_attempts, trigger_type, next_attempt_at, created_at, updated_at) VALUES ('whd_1', "
                + "'ev_1', 'proj', 'whep_1', 'whep_1', 'whep_1', 'sending', 0, 0, 'automatic', 1, 1, 1)");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Statement drop = recorder.createStatement()) {
            drop.execute("DROP ALL OBJECTS");
        }
        recorder.close();
        replayer.close();
    }

    @Test
    void aReplayWhileAnAttemptIsBeingRecordedRedeliversAfterIt() throws Exception {
        recorder.setAutoCommit(false);
        try (Statement record = recorder.createStatement()) {
            record.executeUpdate("UPDATE webhook_delivery SET status = 'succeeded', attempts = 1, round_attempts = 1 "
                    + "WHERE delivery_id = 'whd_1'");
        }
        Deliveries deliveries = new Deliveries(new JdbcTemplate(new SingleConnectionDataSource(replayer, true)));
        PublicEvent event = new PublicEvent("ev_1", "proj", "invoice.created", Instant.EPOCH, "iv_1", null, "{}");
        CompletableFuture<Integer> replay = CompletableFuture.supplyAsync(() -> deliveries.schedule(event,
                List.of(Receiver.endpoint("whep_1")), Deliveries.MANUAL, Instant.ofEpochMilli(5)));
        Thread.sleep(300); // the replay is waiting for the row
        recorder.commit();

        assertThat(replay.get()).isEqualTo(1);
        assertThat(deliveries.ofEvent("ev_1")).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(Deliveries.PENDING);
            assertThat(delivery.trigger()).isEqualTo(Deliveries.MANUAL);
            assertThat(delivery.roundAttempts()).isZero();
            assertThat(delivery.nextAttemptAt()).isEqualTo(Instant.ofEpochMilli(5));
        });
    }
}
