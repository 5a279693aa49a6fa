package io.smartrouter.webhook.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.testing.RealPostgres;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.webhook.delivery.worker.Deliveries;
import io.smartrouter.webhook.support.DispatcherIntegrationTest;
import io.smartrouter.webhook.support.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher's tables and event store on the real PostgreSQL server, in a fresh database: an endpoint registered,
 * an event delivered after a failure and a retry, its log, a replay (which re-arms through the same SQL), listing; a
 * full lane's backlog held and sent when the lane has room.
 */
@ExtendWith(RealPostgres.class)
@ActiveProfiles("postgres")
class PostgresDeliveryIntegrationTests extends DispatcherIntegrationTest {

    private static String url;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void freshSchema(DynamicPropertyRegistry registry) {
        url = RealPostgres.useFreshSchema(registry, "webhook_it");
    }

    @AfterAll
    static void dropSchema() {
        RealPostgres.dropSchemaOf(url);
    }

    @Test
    void deliversRetriesLogsAndReplaysOnPostgres() {
        receiver.answer("/pg", 503, Duration.ZERO);
        merchant.endpoint(receiver.url("/pg"));
        Instant before = Instant.now().minusSeconds(1);
        EventEnvelope event = merchant.invoiceCreated("iv_" + Ids.random(), null);
        receiver.await("/pg", got -> got.size() == 1, Duration.ofSeconds(30));
        receiver.answer("/pg", 200, Duration.ZERO);
        JsonNode delivered = merchant.awaitDelivery(event.getEventId(), "succeeded");
        assertThat(delivered.get("attempts")).extracting(attempt -> attempt.get("http_status").asInt())
                .containsExactly(503, 200);

        merchant.post("/webhook-endpoints/" + delivered.get("endpoint_id").asString() + "/replay",
                "{\"since\":\"" + before + "\"}", 200);
        receiver.await("/pg", got -> got.size() == 3, Duration.ofSeconds(30));
        assertThat(merchant.get("/events?limit=5", 200).get("events")).hasSize(1);
    }

    /** Four attempts per endpoint may be in flight: the other two events wait, held, until the first answers come. */
    @Test
    void aFullLaneHoldsItsBacklogOnPostgres() throws InterruptedException {
        receiver.answer("/busy", 200, Duration.ofSeconds(5));
        String endpoint = merchant.endpoint(receiver.url("/busy")).get("id").asString();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(merchant.invoiceCreated("iv_" + Ids.random(), null).getEventId());
        }
        receiver.await("/busy", got -> got.size() == 4, Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (held(endpoint) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(held(endpoint)).isEqualTo(2);
        assertThat(receiver.received("/busy")).hasSize(4);

        var all = receiver.await("/busy", got -> got.size() == 6, Duration.ofSeconds(30));
        assertThat(all).extracting(Receiver.Received::webhookId).containsExactlyInAnyOrderElementsOf(events);
        events.forEach(event -> merchant.awaitDelivery(event, "succeeded"));
        assertThat(held(endpoint)).isZero();
    }

    private int held(String endpoint) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND status = ?",
                Integer.class, endpoint, Deliveries.HELD);
    }
}
