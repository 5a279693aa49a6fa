package io.smartrouter.invoice.invoice.events;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.testing.TopicReader;
import io.smartrouter.schemas.Topics;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.schemas.EventHeaders;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.serde.EventPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An invoice created through the API reaches the invoices topic as an Avro envelope with complete metadata. */
class InvoiceEventsIntegrationTests extends InvoiceServiceIntegrationTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    EmbeddedKafkaBroker kafka;

    @Test
    void publishesInvoiceCreatedWithTheEnvelope() {
        Instant before = Instant.now();
        var response = GatewayRequests.withSecretKey(unsigned, auth, DEMO)
                .post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "req-kafka-envelope-test")
                .header("traceparent", TRACEPARENT)
                .bodyValue("{\"name\":\"Order 7\",\"amount\":\"12.34\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        String invoiceId = (String) ((Map<String, Object>) response.get("invoice")).get("id");

        ConsumerRecord<String, EventEnvelope> record;
        try (var topic = new TopicReader(kafka.getBrokersAsString(), Topics.INVOICES, "envelope-test")) {
            record = topic.pollUntil(seen -> seen.stream().anyMatch(r -> r.key().equals(invoiceId)), Duration.ofSeconds(30))
                    .stream().filter(r -> r.key().equals(invoiceId)).findFirst().orElseThrow();
        }

        EventEnvelope envelope = record.value();
        assertThat(envelope.getEventId()).matches("ev_[a-z2-7]{26}");
        assertThat(envelope.getEventType()).isEqualTo("io.smartrouter.schemas.invoice.InvoiceCreatedEvent");
        assertThat(envelope.getAggregateType()).isEqualTo("Invoice");
        assertThat(envelope.getAggregateId()).isEqualTo(invoiceId);
        assertThat(envelope.getAggregateSequence()).isZero();
        assertThat(envelope.getProjectId()).isEqualTo("test-proj_demo");
        assertThat(envelope.getOccurredAt()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(envelope.getCorrelationId()).isEqualTo("req-kafka-envelope-test");
        assertThat(envelope.getCausationId()).isNotBlank().isNotEqualTo(envelope.getEventId());
        assertThat(envelope.getTraceparent()).isEqualTo(TRACEPARENT);

        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(envelope.getEventId());
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo(envelope.getEventType());
        assertThat(header(record, EventHeaders.PROJECT_ID)).isEqualTo("test-proj_demo");
        assertThat(header(record, EventHeaders.CONTENT_TYPE)).isEqualTo(EventHeaders.AVRO_SINGLE_OBJECT);

        InvoiceCreatedEvent event = (InvoiceCreatedEvent) EventPayloads.decode(envelope.getPayload());
        assertThat(event.getInvoiceId()).isEqualTo(invoiceId);
        assertThat(event.getProjectId()).isEqualTo("test-proj_demo");
        assertThat(event.getName()).isEqualTo("Order 7");
        assertThat(event.getAmount()).isEqualTo(1234L);
        assertThat(event.getCurrency()).isEqualTo("EUR");
        assertThat(event.getCreatedAt()).isBetween(before.minusSeconds(1), Instant.now());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
