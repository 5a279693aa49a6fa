package io.smartrouter.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smartrouter.schemas.testing.JavaScriptDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader in another language decodes our Kafka values with nothing but the published .avsc files: the JavaScript
 * decoder (npm avsc, our own CRC-64-AVRO) must find both schemas by fingerprint and read every field.
 */
class NodeDecoderTests {

    @Test
    void decodesAnEnvelopeAndItsPayload(@TempDir Path temp) throws Exception {
        Path value = temp.resolve("value.bin");
        Files.write(value, new EventEnvelopeSerializer().serialize("t", EventEnvelopeSerdeTests.ENVELOPE));

        var decoded = JavaScriptDecoder.decode(value);
        assumeTrue(decoded.isPresent(), "node or schemas/js/node_modules missing: run `npm ci --prefix schemas/js`");
        String json = decoded.get();

        assertThat(json).contains("\"event_id\": \"ev_123\"")
                .contains("\"event_type\": \"io.smartrouter.schemas.invoice.InvoiceCreatedEvent\"")
                .contains("\"aggregate_type\": \"Invoice\"")
                .contains("\"aggregate_id\": \"iv_abc\"")
                .contains("\"aggregate_sequence\": 4")
                .contains("\"project_id\": \"test-proj_demo\"")
                .contains("\"occurred_at\": \"2026-11-24T10:15:30.123Z\"")
                .contains("\"correlation_id\": \"req-1\"")
                .contains("\"causation_id\": \"cmd-1\"")
                .contains("\"traceparent\": \"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"")
                .contains("\"invoice_id\": \"iv_abc\"")
                .contains("\"name\": \"Order 1\"")
                .contains("\"amount\": 1000")
                .contains("\"currency\": \"USD\"")
                .contains("\"created_at\": \"2026-11-24T10:15:30.123Z\"");
    }
}
