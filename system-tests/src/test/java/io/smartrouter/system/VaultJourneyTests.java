package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.deploy.LocalPlatform;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.serde.EventPayloads;
import io.smartrouter.schemas.vault.CustomerTokenCreatedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vault through the gateway, as a checkout page and a merchant's server use it: a card tokenized with the public
 * key only, saved to a customer with the secret key, every rejection answered in the error envelope, nothing of
 * another project visible, {@code /internal} unreachable from outside, and the operator's key rotation command.
 */
@ExtendWith(RunningPlatform.class)
class VaultJourneyTests {

    static final int NEXT_YEAR = Year.now().getValue() + 1;

    static String card(String number, String cvc) {
        return "{\"number\":\"" + number + "\",\"exp_month\":12,\"exp_year\":" + NEXT_YEAR + ",\"cvc2\":\"" + cvc
                + "\",\"name\":\"Ada Lovelace\"}";
    }

    @Test
    void aCheckoutTokenizesACardThatTheMerchantSavesToACustomer(RunningPlatform running) {
        var browser = running.demoPublicKey();
        var server = running.demo();

        var tokenized = browser.post("/cards", card("4242 4242 4242 4242", "123"));
        assertThat(tokenized.status()).isEqualTo(200);
        String cardId = tokenized.text("/card/id");
        assertThat(tokenized.text("/card/last_4_digits")).isEqualTo("4242");
        assertThat(tokenized.raw().body()).doesNotContain("4242424242424242").doesNotContain("\"123\"");
        assertThat(browser.get("/iins/424242").text("/iin/scheme")).isEqualTo("visa");

        assertThat(browser.get("/cards/" + cardId).text("/error_type"))
                .isEqualTo("request.authentication.secret-key-required");
        assertThat(browser.post("/customers", "{}").status()).isEqualTo(401);

        var customer = server.post("/customers", "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\"}");
        String customerId = customer.text("/customer/id");
        var token = server.post("/customers/" + customerId + "/tokens", "{\"source\":\"" + cardId + "\"}");
        assertThat(token.status()).isEqualTo(200);
        String tokenId = token.text("/token/id");
        assertThat(token.text("/token/is_default")).isEqualTo("true");
        assertThat(server.get("/customers/" + customerId).text("/customer/default_token_id")).isEqualTo(tokenId);
        assertThat(server.post("/customers/" + customerId + "/tokens", "{\"source\":\"" + cardId + "\"}")
                .text("/error_type")).isEqualTo("request.source.already-used");

        try (var log = new EventLog(running.kafkaBootstrapServers(), Topics.VAULT)) {
            var records = log.readUntil(seen -> seen.stream().anyMatch(record -> isTokenCreated(log, record, customerId)),
                    Duration.ofSeconds(30));
            var created = records.stream().filter(record -> isTokenCreated(log, record, customerId)).findFirst()
                    .orElseThrow();
            var event = (CustomerTokenCreatedEvent) EventPayloads.decode(log.envelope(created).getPayload());
            assertThat(event.getTokenId()).isEqualTo(tokenId);
            assertThat(event.getCard().getLast4Digits()).isEqualTo("4242");
            assertThat(event.toString()).doesNotContain("4242424242424242");
        }

        assertThat(server.delete("/customers/" + customerId + "/tokens/" + tokenId).status()).isEqualTo(200);
        assertThat(server.get("/customers/" + customerId + "/tokens").json().at("/tokens").size()).isZero();
    }

    private static boolean isTokenCreated(EventLog log, ConsumerRecord<String, byte[]> record, String customerId) {
        return customerId.equals(record.key())
                && log.envelope(record).getEventType().equals(CustomerTokenCreatedEvent.class.getName());
    }

    /** The invoice service knows the vault's customers from the vault topic only; an unknown one is a 404. */
    @Test
    void aMerchantCreatesAnInvoiceForAVaultCustomerAndReassignsIt(RunningPlatform running) {
        var server = running.demo();
        String first = server.post("/customers", "{\"email\":\"first@example.com\"}").text("/customer/id");
        String second = server.post("/customers", "{\"email\":\"second@example.com\"}").text("/customer/id");

        var invoice = server.post("/invoices", "{\"name\":\"Subscription\",\"amount\":\"9.99\",\"currency\":\"EUR\","
                + "\"initiation_type\":\"mit\",\"customer_id\":\"" + first + "\"}");
        assertThat(invoice.status()).isEqualTo(200);
        assertThat(invoice.text("/invoice/customer_id")).isEqualTo(first);
        String invoiceId = invoice.text("/invoice/id");

        var assigned = server.post("/invoices/" + invoiceId + "/customers", "{\"customer_id\":\"" + second + "\"}");
        assertThat(assigned.text("/invoice/customer_id")).isEqualTo(second);

        assertThat(server.delete("/customers/" + first).status()).isEqualTo(200);
        var deletedOne = PaymentJourneyTests.eventually(() -> server.post("/invoices/" + invoiceId + "/customers",
                "{\"customer_id\":\"" + first + "\"}"), response -> response.status() == 404);
        assertThat(deletedOne.text("/error_type")).isEqualTo("resource.customer.not-found");
        String theirs = running.other().post("/customers", "{}").text("/customer/id");
        assertThat(server.post("/invoices/" + invoiceId + "/customers", "{\"customer_id\":\"" + theirs + "\"}")
                .status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad Luhn | {\"number\":\"4242424242424241\",\"exp_month\":12,\"exp_year\":2099} | 400 | card.invalid-number",
        "expired | {\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2001} | 400 | card.invalid-expiry-date",
        "bad CVC | {\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2040,\"cvc2\":\"1\"} | 400 | card.invalid-cvc",
        "not JSON | {\"number\": | 400 | request.validation.invalid-json",
        "unknown field | {\"number\":\"4242424242424242\",\"track2\":\"x\"} | 400 | request.validation.unknown-field"
    })
    void refusesBadCardsThroughTheGateway(String name, String body, int status, String errorType,
            RunningPlatform running) {
        var response = running.demoPublicKey().post("/cards", body);
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.text("/error_type")).isEqualTo(errorType);
        assertThat(response.raw().body()).doesNotContain("424242424242");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/internal/cards/card_aaaaaaaaaaaaaaaaaaaaaaaaaa/detokenize", "/internal/keys/rotate",
        "/cards/../internal/keys/rotate"})
    void internalEndpointsAreNotReachableThroughTheGateway(String path, RunningPlatform running) {
        var response = running.demo().post(path, "{\"reference\":\"tr_x\",\"requested_by\":\"me\"}");
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void anotherProjectCannotSeeOrUseTheCardsAndCustomers(RunningPlatform running) {
        var server = running.demo();
        String cardId = running.demoPublicKey().post("/cards", card("5555555555554444", "321")).text("/card/id");
        String customerId = server.post("/customers", "{}").text("/customer/id");
        var other = running.other();
        String theirs = other.post("/customers", "{}").text("/customer/id");

        assertThat(other.get("/cards/" + cardId).status()).isEqualTo(404);
        assertThat(other.delete("/cards/" + cardId).status()).isEqualTo(404);
        assertThat(other.get("/customers/" + customerId).status()).isEqualTo(404);
        assertThat(other.post("/customers/" + theirs + "/tokens", "{\"source\":\"" + cardId + "\"}").text("/error_type"))
                .isEqualTo("resource.card.not-found");
        assertThat(server.get("/cards/" + cardId).text("/card/used")).isEqualTo("false");
    }

    @Test
    void theOperatorRotatesTheVaultKeyWhileCardsStayUsable(RunningPlatform running) throws Exception {
        var server = running.demo();
        String customerId = server.post("/customers", "{}").text("/customer/id");
        String cardId = running.demoPublicKey().post("/cards", card("378282246310005", "1234")).text("/card/id");

        String report = vaultKeys(running, "rotate");
        assertThat(report).contains("\"success\":true").contains("\"current_version\":");
        assertThat(vaultKeys(running, "status")).contains("\"rewrapped\":0");

        assertThat(server.post("/customers/" + customerId + "/tokens", "{\"source\":\"" + cardId + "\"}").status())
                .isEqualTo(200);
    }

    /** Runs {@code deploy/bin/vault-keys.sh}, the command behind {@code make vault-rotate-keys}. */
    private static String vaultKeys(RunningPlatform running, String action) throws IOException, InterruptedException {
        Path script = LocalPlatform.repoRoot(Path.of("")).resolve("deploy/bin/vault-keys.sh");
        var process = new ProcessBuilder(List.of("bash", script.toString(), action)).redirectErrorStream(true);
        process.environment().put("SMARTROUTER_DATA_DIR", running.dataDir().toString());
        process.environment().put("SMARTROUTER_VAULT_URL", running.serviceUrl("vault-service"));
        process.environment().remove("SMARTROUTER_SERVICE_SECRET");
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).as(output).isZero();
        return output;
    }
}
