package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.serde.EventPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Payments through the gateway with every real service: the checkout (public key: tokenize, authorize) and the
 * merchant's server (secret key: capture, refund), the subscription charge with a saved customer token, and the
 * sandbox test cards of API.md. The card number never leaves the vault except for the PSP call.
 */
@ExtendWith(RunningPlatform.class)
class PaymentJourneyTests {

    static final int NEXT_YEAR = Year.now().getValue() + 1;

    static String tokenize(RunningPlatform running, String number) {
        return tokenize(running.demoPublicKey(), number);
    }

    /** A card tokenized by a checkout with {@code browser}'s key (a project's public key). */
    static String tokenize(ApiClient browser, String number) {
        String cvc = number.startsWith("34") || number.startsWith("37") ? "1234" : "123";
        var card = browser.post("/cards", "{\"number\":\"" + number + "\",\"exp_month\":12,"
                + "\"exp_year\":" + NEXT_YEAR + ",\"cvc2\":\"" + cvc + "\"}");
        assertThat(card.status()).as(card.raw().body()).isEqualTo(200);
        return card.text("/card/id");
    }

    static String invoice(RunningPlatform running, String amount, String extra) {
        return invoice(running.demo(), amount, extra);
    }

    /** An invoice in EUR created by {@code merchant} (a project's secret key), with {@code extra} JSON fields. */
    static String invoice(ApiClient merchant, String amount, String extra) {
        var invoice = merchant.post("/invoices", "{\"name\":\"Journey\",\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\"" + extra + "}");
        assertThat(invoice.status()).as(invoice.raw().body()).isEqualTo(200);
        return invoice.text("/invoice/id");
    }

    @Test
    void theCheckoutAuthorizesAndTheMerchantCapturesAndRefunds(RunningPlatform running) {
        String invoice = invoice(running, "49.90", "");
        String card = tokenize(running, "4242 4242 4242 4242");

        var authorized = running.demoPublicKey().post("/invoices/" + invoice + "/authorize",
                "{\"source\":\"" + card + "\"}");
        assertThat(authorized.status()).as(authorized.raw().body()).isEqualTo(200);
        assertThat(authorized.text("/transaction/status")).isEqualTo("authorized");
        assertThat(authorized.text("/transaction/authorized_amount")).isEqualTo("49.90");
        assertThat(authorized.text("/transaction/card/last_4_digits")).isEqualTo("4242");
        String transaction = authorized.text("/transaction/id");

        var server = running.demo();
        assertThat(server.post("/invoices/" + invoice + "/capture", "{}").text("/transaction/status"))
                .isEqualTo("completed");
        var refund = server.post("/invoices/" + invoice + "/refunds", "{\"amount\":\"9.90\",\"reason\":\"late\"}");
        assertThat(refund.text("/refund/status")).isEqualTo("succeeded");
        assertThat(server.get("/transactions/" + transaction).text("/transaction/status"))
                .isEqualTo("partially-refunded");
        assertThat(running.other().get("/transactions/" + transaction).status()).isEqualTo(404);
        assertThat(eventually(() -> server.get("/invoices/" + invoice), response ->
                "partially-refunded".equals(response.text("/invoice/transaction/status")))
                .text("/invoice/transaction/refunded_amount")).isEqualTo("9.90");
        assertThat(running.demoPublicKey().post("/invoices/" + invoice + "/capture", "{}").status()).isEqualTo(401);
        assertThat(running.demoPublicKey().post("/invoices/" + invoice + "/authorize", "{\"source\":\"" + card + "\"}")
                .status()).isEqualTo(409);

        try (var log = new EventLog(running.kafkaBootstrapServers(), Topics.PAYMENTS)) {
            var records = log.readUntil(seen -> seen.stream().anyMatch(record -> transaction.equals(record.key())
                    && log.envelope(record).getEventType().equals(TransactionCapturedEvent.class.getName())),
                    Duration.ofSeconds(30));
            var captured = records.stream().filter(record -> transaction.equals(record.key())
                    && log.envelope(record).getEventType().equals(TransactionCapturedEvent.class.getName()))
                    .map(record -> (TransactionCapturedEvent) EventPayloads.decode(log.envelope(record).getPayload()))
                    .findFirst().orElseThrow();
            assertThat(captured.getCapturedAmount()).isEqualTo(4990L);
            assertThat(records.stream().map(record -> new String(record.value(), StandardCharsets.ISO_8859_1)))
                    .noneMatch(value -> value.contains("4242424242424242"));
        }
    }

    /** The invoice shows payment events from Kafka, a moment after the payment service answered. */
    static ApiClient.Response eventually(Supplier<ApiClient.Response> call, Predicate<ApiClient.Response> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ApiClient.Response response = call.get();
        while (!done.test(response) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            response = call.get();
        }
        return response;
    }

    @Test
    void aSubscriptionChargesTheSavedCardWithoutTheCustomer(RunningPlatform running) {
        var server = running.demo();
        String customer = server.post("/customers", "{\"email\":\"subscriber@example.com\"}").text("/customer/id");
        String token = server.post("/customers/" + customer + "/tokens",
                "{\"source\":\"" + tokenize(running, "5555 5555 5555 4444") + "\"}").text("/token/id");

        for (int month = 1; month <= 2; month++) {
            String invoice = invoice(running, "9.99", ",\"initiation_type\":\"mit\",\"customer_id\":\"" + customer + "\"");
            var charged = server.post("/invoices/" + invoice + "/capture", "{\"source\":\"" + token + "\"}");
            assertThat(charged.status()).as(charged.raw().body()).isEqualTo(200);
            assertThat(charged.text("/transaction/status")).isEqualTo("completed");
            assertThat(charged.text("/transaction/token_id")).isEqualTo(token);
        }
        String another = invoice(running, "9.99", ",\"initiation_type\":\"mit\"");
        assertThat(running.demoPublicKey().post("/invoices/" + another + "/authorize", "{\"source\":\"" + token + "\"}")
                .status()).isEqualTo(401);
        assertThat(server.delete("/customers/" + customer + "/tokens/" + token).status()).isEqualTo(200);
        assertThat(server.post("/invoices/" + another + "/authorize", "{\"source\":\"" + token + "\"}").status())
                .isEqualTo(404);
    }

    @Test
    void aCustomerPassesThreeDSecureAtCheckout(RunningPlatform running) {
        String invoice = invoice(running, "30.00", "");
        var browser = running.demoPublicKey();
        var challenged = browser.post("/invoices/" + invoice + "/authorize",
                "{\"source\":\"" + tokenize(running, "4000 0000 0000 0101") + "\"}");
        assertThat(challenged.status()).as(challenged.raw().body()).isEqualTo(200);
        assertThat(challenged.text("/transaction/status")).isEqualTo("pending");
        assertThat(challenged.text("/customer_action/type")).isEqualTo("redirect");
        String url = challenged.text("/customer_action/value");
        assertThat(url).startsWith(running.gatewayUrl() + "/three-d-s/tr_op_");
        String path = url.substring(url.indexOf("/three-d-s/"));

        var page = browser.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        var passed = browser.post(path, "{\"result\":\"pass\"}");
        assertThat(passed.text("/transaction/status")).as(passed.raw().body()).isEqualTo("authorized");
        assertThat(passed.text("/transaction/three_d_s_status")).isEqualTo("succeeded");
        assertThat(running.demo().post("/invoices/" + invoice + "/capture", "{}").text("/transaction/status"))
                .isEqualTo("completed");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "4242424242424242, authorized", "5555555555554444, authorized", "378282246310005, authorized",
        "4000000000000002, card.declined", "4000000000002180, card.do-not-honor", "4000000000002206, card.no-money",
        "4000000000002222, card.stolen",
        "4000000000000010, authorized", "4000000000000077, authorized", "4977830000000001, authorized",
        "4658580000000008, authorized", "4000000000000069, authorized", "4000000000000200, authorized",
        "4000000000000309, authorized", "4000000000004004, authorized"
    })
    void everySandboxCardBehavesAsDocumented(String number, String outcome, RunningPlatform running) {
        String invoice = invoice(running, "10.00", "");
        var response = running.demoPublicKey().post("/invoices/" + invoice + "/authorize",
                "{\"source\":\"" + tokenize(running, number) + "\"}");
        if (outcome.equals("authorized")) {
            assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
            assertThat(response.text("/transaction/status")).isEqualTo("authorized");
        } else {
            assertThat(response.status()).as(response.raw().body()).isEqualTo(402);
            assertThat(response.text("/error_type")).isEqualTo(outcome);
        }
    }
}
