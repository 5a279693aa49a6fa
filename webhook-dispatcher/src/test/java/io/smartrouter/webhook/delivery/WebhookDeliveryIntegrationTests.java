package io.smartrouter.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.testing.TopicReader;
import io.smartrouter.platform.testing.TopicWriter;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventPayloads;
import io.smartrouter.schemas.webhook.WebhookDeliveryAttemptedEvent;
import io.smartrouter.webhook.delivery.signing.SigningSecret;
import io.smartrouter.webhook.delivery.signing.WebhookSignatures;
import io.smartrouter.webhook.support.DispatcherIntegrationTest;
import io.smartrouter.webhook.support.Merchant;
import io.smartrouter.webhook.support.Receiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * From a domain event on the event log to a signed webhook at a local receiver: the Standard Webhooks headers, the
 * public event and its delivery log through the API, idempotent consumption, the invoice's own webhook_url, type
 * filters, and the delivery attempt published on {@code smartrouter.webhook-deliveries}.
 */
class WebhookDeliveryIntegrationTests extends DispatcherIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aDomainEventOnTheLogArrivesAsASignedStandardWebhook() {
        JsonNode endpoint = merchant.endpoint(receiver.url("/all"));
        SigningSecret secret = SigningSecret.parse(endpoint.get("secret").asString());
        String invoiceId = "iv_" + Ids.random();
        EventEnvelope domainEvent = merchant.invoiceCreated(invoiceId, null);

        var received = receiver.await("/all", got -> got.size() == 1, WAIT).get(0);
        assertThat(received.webhookId()).isEqualTo(domainEvent.getEventId());
        long timestamp = Long.parseLong(received.timestamp());
        assertThat(Instant.ofEpochSecond(timestamp)).isBetween(clock.instant().minusSeconds(30), clock.instant());
        assertThat(WebhookSignatures.verify(secret, received.webhookId(), timestamp,
                received.body().getBytes(StandardCharsets.UTF_8), received.signature())).isTrue();
        JsonNode body = Merchant.JSON.readTree(received.body());
        assertThat(body.get("type").asString()).isEqualTo("invoice.created");
        assertThat(body.at("/data/event_id").asString()).isEqualTo(domainEvent.getEventId());
        assertThat(body.at("/data/project_id").asString()).isEqualTo(merchant.project.value());
        assertThat(body.at("/data/invoice/id").asString()).isEqualTo(invoiceId);
        assertThat(body.at("/data/invoice/amount").asString()).isEqualTo("49.90");

        JsonNode event = merchant.get("/events/" + domainEvent.getEventId(), 200).get("event");
        assertThat(event.get("type").asString()).isEqualTo("invoice.created");
        assertThat(event.at("/data/invoice/id").asString()).isEqualTo(invoiceId);
        JsonNode log = awaitLog(domainEvent.getEventId(), "succeeded");
        assertThat(log.get("endpoint_id").asString()).isEqualTo(endpoint.get("id").asString());
        assertThat(log.at("/attempts/0/http_status").asInt()).isEqualTo(200);
        assertThat(log.at("/attempts/0/trigger").asString()).isEqualTo("automatic");
        assertThat(log.at("/attempts/0/response_body").asString()).isEqualTo("{\"ok\":true}");

        // The same domain event again (an at-least-once redelivery) is neither a new event nor a new webhook.
        try (TopicWriter invoices = new TopicWriter(kafka.getBrokersAsString(), Topics.INVOICES)) {
            invoices.send(domainEvent);
        }
        String nextInvoice = "iv_" + Ids.random();
        merchant.invoiceCreated(nextInvoice, null);
        receiver.await("/all", got -> got.size() == 2, WAIT);
        assertThat(receiver.received("/all")).extracting(Receiver.Received::webhookId).doesNotHaveDuplicates();

        try (TopicReader deliveries = new TopicReader(kafka.getBrokersAsString(), Topics.WEBHOOK_DELIVERIES,
                "test-" + Ids.random())) {
            deliveries.pollUntil(records -> records.stream().map(record -> record.value())
                    .filter(envelope -> envelope.getEventType().equals(WebhookDeliveryAttemptedEvent.class.getName()))
                    .map(envelope -> (WebhookDeliveryAttemptedEvent) EventPayloads.decode(envelope.getPayload()))
                    .anyMatch(attempt -> attempt.getEventId().equals(domainEvent.getEventId())
                            && attempt.getStatus().equals("succeeded") && attempt.getHttpStatus() == 200),
                    WAIT);
        }
    }

    @Test
    void typeFiltersAndTheInvoicesOwnWebhookUrl() {
        merchant.endpoint(receiver.url("/captures"), "transaction.captured");
        String invoiceSecret = merchant.post("/webhook-endpoints/invoice-webhooks/rotate-secret", "{}", 200)
                .at("/invoice_webhooks/secret").asString();
        String invoiceId = "iv_" + Ids.random();
        merchant.invoiceCreated(invoiceId, receiver.url("/invoice-" + invoiceId));
        var payment = merchant.payment(invoiceId, "tr_" + Ids.random());

        var captures = receiver.await("/captures", got -> got.size() == 1, WAIT);
        assertThat(captures.get(0).webhookId()).isEqualTo(payment.get(1).getEventId());
        var invoiceHooks = receiver.await("/invoice-" + invoiceId, got -> got.size() == 3, WAIT);
        assertThat(invoiceHooks).extracting(hook -> Merchant.JSON.readTree(hook.body()).get("type").asString())
                .containsExactlyInAnyOrder("invoice.created", "transaction.requested", "transaction.captured");
        for (Receiver.Received hook : invoiceHooks) {
            assertThat(WebhookSignatures.verify(SigningSecret.parse(invoiceSecret), hook.webhookId(),
                    Long.parseLong(hook.timestamp()), hook.body().getBytes(StandardCharsets.UTF_8), hook.signature()))
                    .isTrue();
        }
        JsonNode captured = Merchant.JSON.readTree(captures.get(0).body());
        assertThat(captured.at("/data/transaction/status").asString()).isEqualTo("completed");
        assertThat(captured.at("/data/transaction/captured_amount").asString()).isEqualTo("49.90");
        JsonNode listed = merchant.get("/events?type=transaction.captured,transaction.requested&order=asc", 200);
        assertThat(listed.get("events")).extracting(event -> event.get("type").asString())
                .containsExactly("transaction.requested", "transaction.captured");
    }

    /**
     * The invoice and its payment come on different topics, so the payment's events may be read first (in the same
     * poll, or while the invoices topic lags). They wait for the invoice and reach its webhook_url when it comes.
     */
    @Test
    void paymentEventsReadBeforeTheirInvoiceReachItsWebhookUrlWhenItComes(
            @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        merchant.endpoint(receiver.url("/all"));
        String invoiceId = "iv_" + Ids.random();
        var payment = merchant.payment(invoiceId, "tr_" + Ids.random());
        receiver.await("/all", got -> got.size() == 2, WAIT);

        EventEnvelope created = merchant.invoiceCreated(invoiceId, receiver.url("/invoice-" + invoiceId));
        var invoiceHooks = receiver.await("/invoice-" + invoiceId, got -> got.size() == 3, WAIT);
        assertThat(invoiceHooks).extracting(Receiver.Received::webhookId).containsExactlyInAnyOrder(
                created.getEventId(), payment.get(0).getEventId(), payment.get(1).getEventId());
        receiver.await("/all", got -> got.size() == 3, WAIT);
        assertThat(receiver.received("/invoice-" + invoiceId)).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_early_event WHERE invoice_id = ?", Integer.class,
                invoiceId)).isZero();
    }

    @Test
    void aDeliveryClaimedByAWorkerThatDiedIsRedeliveredWithTheSameWebhookId(
            @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        merchant.endpoint(receiver.url("/crash"));
        EventEnvelope domainEvent = merchant.invoiceCreated("iv_" + Ids.random(), null);
        receiver.await("/crash", got -> got.size() == 1, WAIT);
        awaitLog(domainEvent.getEventId(), "succeeded");

        // What a crash between claiming an attempt and recording it leaves behind: a claim nobody will finish.
        jdbc.update("UPDATE webhook_delivery SET status = 'sending', claimed_until = ? WHERE event_id = ?",
                Instant.now().minusSeconds(1).toEpochMilli(), domainEvent.getEventId());

        var received = receiver.await("/crash", got -> got.size() == 2, WAIT);
        assertThat(received).extracting(Receiver.Received::webhookId).containsOnly(domainEvent.getEventId());
        assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
        assertThat(awaitLog(domainEvent.getEventId(), "succeeded").get("attempts_count").asInt()).isEqualTo(2);
    }

    JsonNode awaitLog(String eventId, String status) {
        return merchant.awaitDelivery(eventId, status);
    }
}
