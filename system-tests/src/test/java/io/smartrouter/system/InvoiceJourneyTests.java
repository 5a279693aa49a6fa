package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.serde.EventPayloads;
import io.smartrouter.schemas.testing.JavaScriptDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merchant's first steps, through the public API and Kafka only: credentials are checked, an invoice is created and
 * read back, other projects cannot see it, and its event is on the invoices topic for downstream teams — decodable
 * in Java and, with nothing but the published .avsc files, in JavaScript.
 */
@ExtendWith(RunningPlatform.class)
class InvoiceJourneyTests {

    private static final String ORDER = "{\"name\":\"Order 1\",\"amount\":\"10.00\",\"currency\":\"USD\"}";

    @Test
    void wrongOrMissingCredentialsAreRefused(RunningPlatform running) {
        for (ApiClient client : new ApiClient[] {running.as(null, null),
            running.as(RunningPlatform.DEMO_PROJECT, "key_test_wrong"),
            running.as(RunningPlatform.OTHER_PROJECT, RunningPlatform.DEMO_SECRET),
            running.as("test-proj_unknown", RunningPlatform.DEMO_SECRET)}) {
            var response = client.post("/invoices", ORDER);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.text("/success")).isEqualTo("false");
            assertThat(response.text("/error_type")).isEqualTo("request.authentication.invalid");
        }
        var publicKey = running.as(RunningPlatform.DEMO_PROJECT, "").post("/invoices", ORDER);
        assertThat(publicKey.status()).isEqualTo(401);
        assertThat(publicKey.text("/error_type")).isEqualTo("request.authentication.secret-key-required");
    }

    @Test
    void createsReadsIsolatesAndPublishesAnInvoice(RunningPlatform running, @TempDir Path temp) throws Exception {
        var created = running.demo().post("/invoices", ORDER, "X-Request-Id", "req-journey-1");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.raw().headers().firstValue("X-Request-Id")).contains("req-journey-1");
        String id = created.text("/invoice/id");
        assertThat(id).matches("iv_[a-z2-7]{26}");
        assertThat(created.text("/invoice/amount")).isEqualTo("10.00");

        var read = running.demo().get("/invoices/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());

        var otherProject = running.other().get("/invoices/" + id);
        assertThat(otherProject.status()).isEqualTo(404);
        assertThat(otherProject.text("/error_type")).isEqualTo("resource.invoice.not-found");

        try (var log = new EventLog(running.kafkaBootstrapServers(), Topics.INVOICES)) {
            var record = log.readUntil(records -> EventLog.hasKey(records, id), Duration.ofSeconds(60)).stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            var envelope = log.envelope(record);
            assertThat(envelope.getEventId()).startsWith("ev_");
            assertThat(envelope.getAggregateId()).isEqualTo(id);
            assertThat(envelope.getProjectId()).isEqualTo(RunningPlatform.DEMO_PROJECT);
            assertThat(envelope.getCorrelationId()).isEqualTo("req-journey-1");
            var event = (InvoiceCreatedEvent) EventPayloads.decode(envelope.getPayload());
            assertThat(event.getAmount()).isEqualTo(1000L);
            assertThat(event.getCurrency()).isEqualTo("USD");

            Path value = temp.resolve("value.bin");
            Files.write(value, record.value());
            JavaScriptDecoder.decode(value).ifPresent(json -> assertThat(json)
                    .contains("\"aggregate_id\": \"" + id + "\"")
                    .contains("\"event_id\": \"" + envelope.getEventId() + "\"")
                    .contains("\"correlation_id\": \"req-journey-1\"")
                    .contains("\"amount\": 1000")
                    .contains("\"currency\": \"USD\""));
        }
    }
}
