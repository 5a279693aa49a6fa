package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.system.WebhookReceiver.Hook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The customer-initiated checkout as a merchant lives it, in a project of its own: an all-events webhook endpoint, an
 * order with line items and shipping, the shopper's 3-D Secure card tokenized and authorized with the public key, the
 * challenge passed, the capture and the fulfillment to delivered with the secret key. The read models agree, and the
 * webhooks are exactly the story's public events, each signed, of this project, deduplicable by webhook-id, the same
 * as {@code GET /events} lists; the card number appears in no webhook and on no Kafka topic of the story.
 */
@ExtendWith(RunningPlatform.class)
class CheckoutJourneyTests {

    static final String PAN = "4000000000000101";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ORDER = """
            {"name": "Order 7", "amount": "47.00", "currency": "EUR", "reference_id": "order-7",
             "details": [{"name": "Desk lamp", "amount": "20.00", "quantity": 2, "type": "physical"}],
             "shipping": {"amount": "7.00", "method": "standard", "provider": "DHL", "first_name": "Grace",
                          "last_name": "Hopper", "address1": "1 Navy Yard", "city": "Arlington", "zip": "22201",
                          "country_code": "US"}}
            """;
    /** The public events of this story, each once: API.md's types the platform emits for these steps. */
    static final Map<String, Long> STORY_EVENTS = Map.of("invoice.created", 1L, "transaction.requested", 1L,
            "transaction.three_d_s.required", 1L, "transaction.authorized", 1L, "transaction.captured", 1L,
            "invoice.fulfillment.updated", 3L);

    @Test
    void aShopperPassesThreeDSecureAndTheOrderIsDelivered(RunningPlatform running) throws Exception {
        var project = running.newProject("Checkout journey");
        var merchant = project.secret();
        var browser = project.publicKey();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var endpoint = merchant.post("/webhook-endpoints", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"*\"],\"description\":\"Checkout journey\"}");
            assertThat(endpoint.status()).as(endpoint.raw().body()).isEqualTo(200);
            byte[] key = WebhookReceiver.key(endpoint.text("/webhook_endpoint/secret"));

            var created = merchant.post("/invoices", ORDER);
            assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
            String invoice = created.text("/invoice/id");
            assertThat(created.text("/invoice/amount")).isEqualTo("47.00");
            assertThat(created.text("/invoice/details/0/quantity")).isEqualTo("2");
            assertThat(created.text("/invoice/shipping/amount")).isEqualTo("7.00");

            // The shopper's browser: tokenize and authorize with the public key, then the 3-D Secure challenge.
            String card = PaymentJourneyTests.tokenize(browser, "4000 0000 0000 0101");
            var challenged = browser.post("/invoices/" + invoice + "/authorize", "{\"source\":\"" + card + "\"}");
            assertThat(challenged.status()).as(challenged.raw().body()).isEqualTo(200);
            assertThat(challenged.text("/transaction/status")).isEqualTo("pending");
            assertThat(challenged.text("/customer_action/type")).isEqualTo("redirect");
            String transaction = challenged.text("/transaction/id");
            String url = challenged.text("/customer_action/value");
            assertThat(url).startsWith(running.gatewayUrl() + "/three-d-s/tr_op_");
            // The checkout redirects the shopper there: a browser following a redirect sends no credentials.
            String challenge = url.substring(running.gatewayUrl().length());
            var page = new ApiClient(running.gatewayUrl(), null, null).get(challenge);
            assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
            assertThat(page.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            // The page answers with the project's public key.
            var passed = browser.post(challenge.substring(0, challenge.indexOf('?')), "{\"result\":\"pass\"}");
            assertThat(passed.status()).as(passed.raw().body()).isEqualTo(200);
            assertThat(passed.text("/transaction/id")).isEqualTo(transaction);
            assertThat(passed.text("/transaction/status")).isEqualTo("authorized");
            assertThat(passed.text("/transaction/three_d_s_status")).isEqualTo("succeeded");
            assertThat(passed.text("/transaction/authorized_amount")).isEqualTo("47.00");

            // The merchant's server: capture, then ship the order.
            var captured = merchant.post("/invoices/" + invoice + "/capture", "{}");
            assertThat(captured.status()).as(captured.raw().body()).isEqualTo(200);
            assertThat(captured.text("/transaction/status")).isEqualTo("completed");
            assertThat(captured.text("/transaction/captured_amount")).isEqualTo("47.00");
            for (String step : List.of("{\"status\":\"processing\"}",
                    "{\"status\":\"shipped\",\"carrier\":\"DHL\",\"tracking_number\":\"JD0007\"}",
                    "{\"status\":\"delivered\",\"note\":\"left with the neighbour\"}")) {
                var updated = merchant.put("/invoices/" + invoice + "/fulfillment", step);
                assertThat(updated.status()).as(step + " → " + updated.raw().body()).isEqualTo(200);
            }

            var shown = PaymentJourneyTests.eventually(() -> merchant.get("/invoices/" + invoice),
                    response -> "completed".equals(response.text("/invoice/transaction/status")));
            assertThat(shown.text("/invoice/transaction/status")).isEqualTo("completed");
            assertThat(shown.text("/invoice/transaction/id")).isEqualTo(transaction);
            assertThat(shown.text("/invoice/transaction/captured_amount")).isEqualTo("47.00");
            assertThat(shown.text("/invoice/fulfillment/status")).isEqualTo("delivered");
            assertThat(shown.text("/invoice/fulfillment/carrier")).isEqualTo("DHL");
            assertThat(shown.text("/invoice/fulfillment/tracking_number")).isEqualTo("JD0007");
            assertThat(shown.json().at("/invoice/fulfillment/history").size()).isEqualTo(3);

            List<Hook> events = receiver.awaitEvents(STORY_EVENTS, WAIT);
            List<Hook> all = receiver.received();
            for (Hook hook : all) {
                assertThat(hook.signedWith(key)).as(hook.toString()).isTrue();
                assertThat(hook.json().at("/data/event_id").asString()).as(hook.body()).isEqualTo(hook.id());
                assertThat(hook.json().at("/data/project_id").asString()).as(hook.body()).isEqualTo(project.id());
                assertThat(hook.body()).doesNotContain(PAN).doesNotContain("4000 0000 0000 0101");
                String object = hook.type().startsWith("invoice.") ? "/data/invoice/id" : "/data/transaction/id";
                assertThat(hook.json().at(object).asString()).as(hook.body())
                        .isEqualTo(hook.type().startsWith("invoice.") ? invoice : transaction);
            }
            // A redelivery repeats its event: same webhook-id, same type.
            Map<String, String> typeById = events.stream().collect(Collectors.toMap(Hook::id, Hook::type));
            assertThat(all).allSatisfy(hook -> assertThat(hook.type()).isEqualTo(typeById.get(hook.id())));

            Map<String, JsonNode> byType = events.stream().filter(hook -> !hook.type().equals("invoice.fulfillment.updated"))
                    .collect(Collectors.toMap(Hook::type, Hook::json));
            assertThat(byType.get("invoice.created").at("/data/invoice/amount").asString()).isEqualTo("47.00");
            assertThat(byType.get("transaction.three_d_s.required").at("/data/transaction/three_d_s_status").asString())
                    .isEqualTo("challenge-required");
            assertThat(byType.get("transaction.authorized").at("/data/transaction/status").asString())
                    .isEqualTo("authorized");
            assertThat(byType.get("transaction.authorized").at("/data/transaction/three_d_s_status").asString())
                    .isEqualTo("succeeded");
            JsonNode capturedHook = byType.get("transaction.captured").at("/data/transaction");
            assertThat(capturedHook.get("status").asString()).isEqualTo("completed");
            assertThat(capturedHook.get("captured_amount").asString()).isEqualTo(created.text("/invoice/amount"));
            assertThat(capturedHook.at("/card/last_4_digits").asString()).isEqualTo("0101");
            List<JsonNode> fulfillment = events.stream().filter(hook -> hook.type().equals("invoice.fulfillment.updated"))
                    .map(hook -> hook.json().at("/data/invoice/fulfillment")).toList();
            assertThat(fulfillment).extracting(node -> node.get("status").asString())
                    .containsExactlyInAnyOrder("processing", "shipped", "delivered");
            assertThat(fulfillment).filteredOn(node -> node.get("status").asString().equals("shipped"))
                    .singleElement().satisfies(node -> {
                        assertThat(node.get("carrier").asString()).isEqualTo("DHL");
                        assertThat(node.get("tracking_number").asString()).isEqualTo("JD0007");
                    });

            var listed = merchant.get("/events?limit=100");
            assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
            assertThat(listed.json().at("/has_more").asBoolean()).isFalse();
            Map<String, String> listedTypes = new HashMap<>();
            listed.json().get("events").forEach(event -> listedTypes.put(event.get("id").asString(),
                    event.get("type").asString()));
            assertThat(listed.json().get("events").size()).isEqualTo(events.size());
            assertThat(listedTypes).isEqualTo(typeById);

            assertNoPanOn(running, Topics.VAULT, log -> records -> EventLog.hasKey(records, card));
            assertNoPanOn(running, Topics.INVOICES, log -> records -> records.stream()
                    .filter(record -> invoice.equals(record.key())).count() >= 4);
            assertNoPanOn(running, Topics.PAYMENTS, log -> records -> records.stream().anyMatch(record ->
                    transaction.equals(record.key()) && log.envelope(record).getEventType()
                            .equals(TransactionCapturedEvent.class.getName())));
        }
    }

    /** Reads {@code topic} until the story's records are there ({@code storyRead}); none may hold the card number. */
    private static void assertNoPanOn(RunningPlatform running, String topic,
            Function<EventLog, Predicate<List<ConsumerRecord<String, byte[]>>>> storyRead) {
        try (var log = new EventLog(running.kafkaBootstrapServers(), topic)) {
            var records = log.readUntil(storyRead.apply(log), Duration.ofSeconds(30));
            assertThat(records).extracting(record -> new String(record.value(), StandardCharsets.ISO_8859_1))
                    .as("records on " + topic).noneMatch(value -> value.contains(PAN));
        }
    }
}
