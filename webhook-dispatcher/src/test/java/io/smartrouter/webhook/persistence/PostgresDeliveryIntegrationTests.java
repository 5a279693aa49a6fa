package io.smartrouter.webhook.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.testing.RealPostgres;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.webhook.support.DispatcherIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher's tables and event store on the real PostgreSQL server, in a fresh database: an endpoint registered,
 * an event delivered after a failure and a retry, its log, a replay (which re-arms through the same SQL), listing.
 */
@ExtendWith(RealPostgres.class)
@ActiveProfiles("postgres")
class PostgresDeliveryIntegrationTests extends DispatcherIntegrationTest {

    private static String url;

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
}
