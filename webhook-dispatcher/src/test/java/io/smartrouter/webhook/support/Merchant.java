package io.smartrouter.webhook.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.TopicWriter;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project of its own per test: its API client (signed as the gateway would), and the other services' events about
 * it, published on the topics as their publishers would ({@link TopicWriter}).
 */
public final class Merchant {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public final ProjectId project = new ProjectId("test-proj_" + Ids.random().substring(0, 12));
    public final WebTestClient api;
    private final String brokers;

    public Merchant(WebTestClient unsigned, ServiceAuthentication auth, String brokers) {
        this.api = GatewayRequests.withSecretKey(unsigned, auth, project);
        this.brokers = brokers;
    }

    public JsonNode call(WebTestClient.RequestHeadersSpec<?> request, int status) {
        byte[] body = request.exchange().expectStatus().isEqualTo(status).expectBody().returnResult()
                .getResponseBody();
        return body == null ? null : JSON.readTree(body);
    }

    public JsonNode post(String path, String json, int status) {
        return call(api.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json), status);
    }

    public JsonNode get(String path, int status) {
        return call(api.get().uri(path), status);
    }

    /** Registers an endpoint and answers the response's webhook_endpoint (with its secret). */
    public JsonNode endpoint(String url, String... events) {
        String types = events.length == 0 ? "[\"*\"]" : JSON.writeValueAsString(List.of(events));
        JsonNode created = post("/webhook-endpoints", "{\"url\":\"" + url + "\",\"events\":" + types + "}", 200);
        assertThat(created.at("/webhook_endpoint/secret").asString()).startsWith("whsec_");
        return created.get("webhook_endpoint");
    }

    public EventEnvelope invoiceCreated(String invoiceId, String webhookUrl) {
        try (TopicWriter invoices = new TopicWriter(brokers, Topics.INVOICES)) {
            return invoices.publish("Invoice", invoiceId, 0, project.value(), InvoiceCreatedEvent.newBuilder()
                    .setInvoiceId(invoiceId).setProjectId(project.value()).setName("Order").setAmount(4990)
                    .setCurrency("EUR").setCreatedAt(Instant.now()).setMetadata(Map.of()).setInitiationType("cit")
                    .setWebhookUrl(webhookUrl).build());
        }
    }

    /** A transaction requested and captured: two domain events, two public events. */
    public List<EventEnvelope> payment(String invoiceId, String transactionId) {
        try (TopicWriter payments = new TopicWriter(brokers, Topics.PAYMENTS)) {
            var requested = payments.publish("Payment", transactionId, 0, project.value(),
                    TransactionRequestedEvent.newBuilder().setTransactionId(transactionId)
                            .setProjectId(project.value()).setInvoiceId(invoiceId).setOperationId("op_1")
                            .setAmount(4990).setCurrency("EUR").setInitiationType("cit").setRequestedAt(Instant.now())
                            .build());
            var captured = payments.publish("Payment", transactionId, 1, project.value(),
                    TransactionCapturedEvent.newBuilder().setTransactionId(transactionId)
                            .setProjectId(project.value()).setInvoiceId(invoiceId).setOperationId("op_1")
                            .setAmount(4990).setCapturedAmount(4990).setCurrency("EUR").setCapturedAt(Instant.now())
                            .build());
            return List.of(requested, captured);
        }
    }

    /** Waits until the event's first delivery has {@code status}; answers it as the delivery log shows it. */
    public JsonNode awaitDelivery(String eventId, String status) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode webhooks = get("/events/" + eventId + "/webhooks", 200).get("webhooks");
            if (webhooks.size() > 0 && webhooks.get(0).get("status").asString().equals(status)) {
                return webhooks.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Delivery of " + eventId + " not " + status + ": " + webhooks);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
