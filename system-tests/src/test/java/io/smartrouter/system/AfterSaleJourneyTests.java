package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.system.WebhookReceiver.Hook;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What happens to a paid order afterwards, each story in a project of its own with an all-events webhook endpoint:
 * partial refunds up to the captured amount (one too many refused), a chargeback the sandbox opens and the
 * merchant wins, and an open chargeback on a partial capture, which refuses a refund. Each ends in the documented
 * transaction status, on the transaction, on the invoice and in the signed webhooks.
 */
@ExtendWith(RunningPlatform.class)
class AfterSaleJourneyTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void partialRefundsUpToTheCapturedAmount(RunningPlatform running) throws Exception {
        try (Story story = Story.open(running, "Refund journey", "30.00")) {
            var project = story.project();
            var merchant = project.secret();
            String invoice = story.invoice();
            String transaction = paid(project, invoice, "4242 4242 4242 4242");

            List<String> refunds = new ArrayList<>();
            for (String amount : List.of("10.00", "5.50")) {
                var refund = merchant.post("/invoices/" + invoice + "/refunds", "{\"amount\":\"" + amount
                        + "\",\"reason\":\"returned item\"}");
                assertThat(refund.status()).as(refund.raw().body()).isEqualTo(200);
                assertThat(refund.text("/refund/id")).startsWith("refd_");
                assertThat(refund.text("/refund/amount")).isEqualTo(amount);
                assertThat(refund.text("/refund/status")).isEqualTo("succeeded");
                refunds.add(refund.text("/refund/id"));
            }
            var partial = merchant.get("/transactions/" + transaction);
            assertThat(partial.text("/transaction/status")).isEqualTo("partially-refunded");
            assertThat(partial.text("/transaction/refunded_amount")).isEqualTo("15.50");
            assertThat(partial.text("/transaction/available_amount")).isEqualTo("14.50");

            var tooMuch = merchant.post("/invoices/" + invoice + "/refunds", "{\"amount\":\"14.51\"}");
            assertThat(tooMuch.status()).as(tooMuch.raw().body()).isEqualTo(400);
            assertThat(tooMuch.text("/error_type")).isEqualTo("request.validation.invalid-amount");

            var rest = merchant.post("/invoices/" + invoice + "/refunds", "{\"amount\":\"14.50\"}");
            assertThat(rest.status()).as(rest.raw().body()).isEqualTo(200);
            assertThat(rest.text("/refund/status")).isEqualTo("succeeded");
            refunds.add(rest.text("/refund/id"));

            var refunded = merchant.get("/transactions/" + transaction);
            assertThat(refunded.text("/transaction/status")).isEqualTo("refunded");
            assertThat(refunded.text("/transaction/captured_amount")).isEqualTo("30.00");
            assertThat(refunded.text("/transaction/refunded_amount")).isEqualTo("30.00");
            assertThat(refunded.text("/transaction/available_amount")).isEqualTo("0.00");
            assertThat(refunded.json().at("/transaction/refunds").findValuesAsString("id"))
                    .containsExactlyElementsOf(refunds);
            assertThat(refunded.json().at("/transaction/refunds").findValuesAsString("amount"))
                    .containsExactly("10.00", "5.50", "14.50");
            assertThat(refunded.json().at("/transaction/refunds").findValuesAsString("status"))
                    .containsOnly("succeeded");
            assertThat(operations(refunded.json().get("transaction"), "refund")).extracting(op -> op.get("amount").asString())
                    .containsExactly("10.00", "5.50", "14.50");

            var shown = PaymentJourneyTests.eventually(() -> merchant.get("/invoices/" + invoice),
                    response -> "refunded".equals(response.text("/invoice/transaction/status")));
            assertThat(shown.text("/invoice/transaction/status")).isEqualTo("refunded");
            assertThat(shown.text("/invoice/transaction/refunded_amount")).isEqualTo("30.00");

            List<Hook> events = story.signedEvents(Map.of("invoice.created", 1L,
                    "transaction.requested", 1L, "transaction.authorized", 1L, "transaction.captured", 1L,
                    "transaction.refunded", 3L));
            List<JsonNode> refundHooks = events.stream().filter(hook -> hook.type().equals("transaction.refunded"))
                    .map(hook -> hook.json().at("/data/transaction")).toList();
            assertThat(refundHooks).allSatisfy(node -> assertThat(node.get("id").asString()).isEqualTo(transaction));
            // Delivery is not ordered: each refund's webhook shows the total refunded as of that refund.
            assertThat(refundHooks).extracting(node -> node.get("refunded_amount").asString() + " "
                    + node.get("status").asString()).containsExactlyInAnyOrder("10.00 partially-refunded",
                    "15.50 partially-refunded", "30.00 refunded");
        }
    }

    @Test
    void aChargebackOpensAndIsWon(RunningPlatform running) throws Exception {
        try (Story story = Story.open(running, "Chargeback journey", "25.00")) {
            var project = story.project();
            var merchant = project.secret();
            String invoice = story.invoice();
            String transaction = paid(project, invoice, "4000 0000 0000 0200");

            // The sandbox reports the stages 5 s apart after the capture; the payment service polls every 2 s.
            List<Hook> events = story.signedEvents(Map.of("invoice.created", 1L,
                    "transaction.requested", 1L, "transaction.authorized", 1L, "transaction.captured", 1L,
                    "transaction.chargeback.created", 1L, "transaction.chargeback.won", 1L));
            Map<String, JsonNode> byType = events.stream().collect(Collectors.toMap(Hook::type,
                    hook -> hook.json().at("/data/transaction")));
            assertThat(byType.get("transaction.chargeback.created").get("id").asString()).isEqualTo(transaction);
            assertThat(byType.get("transaction.chargeback.created").get("status").asString())
                    .isEqualTo("chargeback-initiated");
            assertThat(byType.get("transaction.chargeback.won").get("id").asString()).isEqualTo(transaction);
            assertThat(byType.get("transaction.chargeback.won").get("status").asString()).isEqualTo("solved");

            var solved = PaymentJourneyTests.eventually(() -> merchant.get("/transactions/" + transaction),
                    response -> "solved".equals(response.text("/transaction/status")));
            assertThat(solved.text("/transaction/status")).isEqualTo("solved");
            assertThat(solved.text("/transaction/captured_amount")).isEqualTo("25.00");
            assertThat(solved.text("/transaction/refunded_amount")).isEqualTo("0.00");
            List<JsonNode> chargebacks = operations(solved.json().get("transaction"), "chargeback");
            assertThat(chargebacks).extracting(op -> op.get("status").asString())
                    .containsExactly("chargeback-opened", "chargeback-won");
            assertThat(chargebacks).allSatisfy(op -> {
                assertThat(op.get("amount").asString()).isEqualTo("25.00");
                assertThat(op.get("has_failed").asBoolean()).isFalse();
            });
            assertThat(Duration.between(Instant.parse(chargebacks.get(0).get("created_at").asString()),
                    Instant.parse(chargebacks.get(1).get("created_at").asString()))).isEqualTo(Duration.ofSeconds(5));
            assertThat(operations(byType.get("transaction.chargeback.won"), "chargeback"))
                    .extracting(op -> op.get("status").asString()).containsExactly("chargeback-opened", "chargeback-won");

            var shown = PaymentJourneyTests.eventually(() -> merchant.get("/invoices/" + invoice),
                    response -> "solved".equals(response.text("/invoice/transaction/status")));
            assertThat(shown.text("/invoice/transaction/status")).isEqualTo("solved");
        }
    }

    @Test
    void anOpenChargebackTakesWhatWasCapturedAndRefusesARefund(RunningPlatform running) throws Exception {
        try (Story story = Story.open(running, "Open chargeback journey", "25.00")) {
            var project = story.project();
            var merchant = project.secret();
            String invoice = story.invoice();
            String card = PaymentJourneyTests.tokenize(project.publicKey(), "4000 0000 0000 0069");
            var authorized = project.publicKey().post("/invoices/" + invoice + "/authorize", "{\"source\":\"" + card
                    + "\"}");
            assertThat(authorized.status()).as(authorized.raw().body()).isEqualTo(200);
            String transaction = authorized.text("/transaction/id");
            var captured = merchant.post("/invoices/" + invoice + "/capture", "{\"amount\":\"10.00\"}");
            assertThat(captured.status()).as(captured.raw().body()).isEqualTo(200);
            assertThat(captured.text("/transaction/captured_amount")).isEqualTo("10.00");

            List<Hook> events = story.signedEvents(Map.of("invoice.created", 1L,
                    "transaction.requested", 1L, "transaction.authorized", 1L, "transaction.captured", 1L,
                    "transaction.chargeback.created", 1L));
            JsonNode opened = events.stream().filter(hook -> hook.type().equals("transaction.chargeback.created"))
                    .findFirst().orElseThrow().json().at("/data/transaction");
            assertThat(opened.get("status").asString()).isEqualTo("chargeback-initiated");
            assertThat(opened.get("available_amount").asString()).isEqualTo("0.00");
            assertThat(operations(opened, "chargeback")).extracting(op -> op.get("amount").asString())
                    .containsExactly("10.00");

            // The chargeback holds the captured funds: a refund now would pay the cardholder twice.
            var refund = merchant.post("/invoices/" + invoice + "/refunds", "{\"amount\":\"5.00\"}");
            assertThat(refund.status()).as(refund.raw().body()).isEqualTo(409);
            assertThat(refund.text("/error_type")).isEqualTo("request.transaction.disputed");
            var disputed = merchant.get("/transactions/" + transaction);
            assertThat(disputed.text("/transaction/status")).isEqualTo("chargeback-initiated");
            assertThat(disputed.text("/transaction/refunded_amount")).isEqualTo("0.00");
            assertThat(disputed.text("/transaction/available_amount")).isEqualTo("0.00");
        }
    }

    /** Tokenizes and authorizes with the public key, captures with the secret key; answers the transaction id. */
    private static String paid(RunningPlatform.Project project, String invoice, String number) {
        String card = PaymentJourneyTests.tokenize(project.publicKey(), number);
        var authorized = project.publicKey().post("/invoices/" + invoice + "/authorize", "{\"source\":\"" + card + "\"}");
        assertThat(authorized.status()).as(authorized.raw().body()).isEqualTo(200);
        assertThat(authorized.text("/transaction/status")).isEqualTo("authorized");
        var captured = project.secret().post("/invoices/" + invoice + "/capture", "{}");
        assertThat(captured.status()).as(captured.raw().body()).isEqualTo(200);
        assertThat(captured.text("/transaction/status")).isEqualTo("completed");
        return authorized.text("/transaction/id");
    }

    /**
     * One story: a project of its own, a receiver registered for all of its events (with the endpoint's signing key),
     * and the invoice the story pays.
     */
    private record Story(RunningPlatform.Project project, WebhookReceiver receiver, byte[] key, String invoice)
            implements AutoCloseable {

        static Story open(RunningPlatform running, String name, String amount) throws IOException {
            var project = running.newProject(name);
            WebhookReceiver receiver = new WebhookReceiver();
            try {
                var endpoint = project.secret().post("/webhook-endpoints", "{\"url\":\"" + receiver.url()
                        + "\",\"events\":[\"*\"]}");
                assertThat(endpoint.status()).as(endpoint.raw().body()).isEqualTo(200);
                return new Story(project, receiver, WebhookReceiver.key(endpoint.text("/webhook_endpoint/secret")),
                        PaymentJourneyTests.invoice(project.secret(), amount, ""));
            } catch (RuntimeException | AssertionError failed) {
                receiver.close();
                throw failed;
            }
        }

        /** The story's events ({@code expected}: type → count); every delivery is signed with the key, of the project. */
        List<Hook> signedEvents(Map<String, Long> expected) throws InterruptedException {
            List<Hook> events = receiver.awaitEvents(expected, WAIT);
            assertThat(receiver.received()).allSatisfy(hook -> {
                assertThat(hook.signedWith(key)).as(hook.toString()).isTrue();
                assertThat(hook.json().at("/data/event_id").asString()).isEqualTo(hook.id());
                assertThat(hook.json().at("/data/project_id").asString()).isEqualTo(project.id());
            });
            return events;
        }

        @Override
        public void close() {
            receiver.close();
        }
    }

    /** The operations of one type of a transaction (as the API or a webhook shows it), in order. */
    private static List<JsonNode> operations(JsonNode transaction, String type) {
        List<JsonNode> found = new ArrayList<>();
        transaction.get("operations").forEach(op -> {
            if (op.get("type").asString().equals(type)) {
                found.add(op);
            }
        });
        return found;
    }
}
