package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.deploy.PlatformConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Smart routing across real network calls: a merchant configures two gateways on the PSP simulator and a rule that
 * fails over on soft declines and gateway errors; with the primary PSP down, the payment is approved on the secondary, and the
 * transaction shows both attempts. A hard decline is never sent to the second gateway.
 */
@ExtendWith(RunningPlatform.class)
class RoutingJourneyTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void withThePrimaryPspDownThePaymentIsApprovedOnTheSecondary(RunningPlatform running) throws Exception {
        var merchant = running.newProject("Routing journey");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String primaryPsp = "journey-primary-" + suffix;
        String secondaryPsp = "journey-secondary-" + suffix;
        simulator(running, "/admin/psps/" + primaryPsp, "{\"approval\":{\"default_rate\":1.0},\"outage\":true}");
        simulator(running, "/admin/psps/" + secondaryPsp, "{\"approval\":{\"default_rate\":1.0}}");
        String primary = configure(merchant, "Primary", primaryPsp);
        String secondary = configure(merchant, "Secondary", secondaryPsp);
        var rules = merchant.secret().put("/routing-rules", "{\"rules\":[{\"name\":\"euro\",\"conditions\":[{\"attribute\":"
                + "\"currency\",\"operator\":\"==\",\"value\":\"EUR\"}],\"gateway_configuration_ids\":[\"" + primary
                + "\",\"" + secondary + "\"],\"fallback_on\":[\"soft_decline\",\"gateway_error\"],\"tags\":[\"journey\"]}]}");
        assertThat(rules.status()).as(rules.raw().body()).isEqualTo(200);

        JsonNode transaction = authorize(merchant, "4242 4242 4242 4242");

        assertThat(transaction.get("status").asString()).isEqualTo("authorized");
        assertThat(transaction.get("gateway_configuration_id").asString()).isEqualTo(secondary);
        assertThat(transaction.get("attempts_count").asInt()).isEqualTo(2);
        var attempts = transaction.get("operations").valueStream()
                .filter(operation -> operation.get("type").asString().equals("authorization")).toList();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("gateway_configuration_id").asString()).isEqualTo(primary);
        assertThat(attempts.get(0).get("has_failed").asBoolean()).isTrue();
        assertThat(attempts.get(1).get("gateway_configuration_id").asString()).isEqualTo(secondary);
        assertThat(attempts.get(1).get("has_failed").asBoolean()).isFalse();
        assertThat(transaction.get("routing_tags").valueStream().map(JsonNode::asString))
                .contains("rule:euro", "journey");

        // The capture goes to the gateway that authorized.
        String invoice = transaction.get("invoice_id").asString();
        var captured = merchant.secret().post("/invoices/" + invoice + "/capture", "{}");
        assertThat(captured.status()).as(captured.raw().body()).isEqualTo(200);
        assertThat(captured.text("/transaction/status")).isEqualTo("completed");
        assertThat(captured.json().at("/transaction/operations").valueStream()
                .filter(operation -> operation.get("type").asString().equals("capture"))
                .map(operation -> operation.get("gateway_configuration_id").asString())).containsExactly(secondary);

        // A stolen card is a hard decline: with the primary back, it is tried there only.
        simulator(running, "/admin/psps/" + primaryPsp + "/outage", "{\"outage\":false}");
        var stolen = merchant.secret().post("/invoices", "{\"name\":\"Stolen\",\"amount\":\"10.00\",\"currency\":\"EUR\"}");
        String stolenInvoice = stolen.text("/invoice/id");
        var declined = merchant.publicKey().post("/invoices/" + stolenInvoice + "/authorize",
                "{\"source\":\"" + card(merchant, "4000 0000 0000 2222") + "\"}");
        assertThat(declined.status()).as(declined.raw().body()).isEqualTo(402);
        assertThat(declined.text("/error_type")).isEqualTo("card.stolen");
        var declinedTransaction = merchant.secret().get("/invoices/" + stolenInvoice + "/transactions");
        assertThat(declinedTransaction.json().at("/transaction/attempts_count").asInt()).isEqualTo(1);
    }

    private static String configure(RunningPlatform.Project merchant, String name, String psp) {
        var created = merchant.secret().post("/gateway-configurations", "{\"gateway\":\"simulator\",\"name\":\""
                + name + "\",\"enabled\":true,\"settings\":{\"psp\":\"" + psp + "\"}}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
        assertThat(created.raw().body()).doesNotContain(psp); // settings are write-only
        return created.text("/gateway_configuration/id");
    }

    private static JsonNode authorize(RunningPlatform.Project merchant, String number) {
        var invoice = merchant.secret().post("/invoices",
                "{\"name\":\"Routed order\",\"amount\":\"25.00\",\"currency\":\"EUR\"}");
        assertThat(invoice.status()).as(invoice.raw().body()).isEqualTo(200);
        var authorized = merchant.publicKey().post("/invoices/" + invoice.text("/invoice/id") + "/authorize",
                "{\"source\":\"" + card(merchant, number) + "\"}");
        assertThat(authorized.status()).as(authorized.raw().body()).isEqualTo(200);
        return authorized.json().get("transaction");
    }

    private static String card(RunningPlatform.Project merchant, String number) {
        var card = merchant.publicKey().post("/cards", "{\"number\":\"" + number + "\",\"exp_month\":12,\"exp_year\":"
                + PaymentJourneyTests.NEXT_YEAR + ",\"cvc2\":\"123\"}");
        assertThat(card.status()).as(card.raw().body()).isEqualTo(200);
        return card.text("/card/id");
    }

    /** The simulator's operator API (not behind the gateway: it is the PSPs' side). */
    private static void simulator(RunningPlatform running, String path, String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create(running.serviceUrl(PlatformConfig.SIMULATOR) + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
    }
}
