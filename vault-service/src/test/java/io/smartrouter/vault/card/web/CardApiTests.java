package io.smartrouter.vault.card.web;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.platform.testing.GatewayRequests.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.H2Statements;
import io.smartrouter.vault.support.VaultServiceIntegrationTest;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

class CardApiTests extends VaultServiceIntegrationTest {

    static final int NEXT_YEAR = Year.now().getValue() + 1;

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    JdbcTemplate jdbc;

    WebTestClient publicKey;
    WebTestClient secretKey;
    WebTestClient other;

    @BeforeEach
    void clients() {
        publicKey = GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC);
        secretKey = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        other = GatewayRequests.withSecretKey(unsigned, auth, OTHER);
    }

    static String card(String number) {
        return "{\"number\":\"" + number + "\",\"exp_month\":12,\"exp_year\":" + NEXT_YEAR
                + ",\"cvc2\":\"123\",\"name\":\"Ada Lovelace\"}";
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> tokenize(WebTestClient client, String body) {
        return (Map<String, Object>) client.post().uri("/cards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("card");
    }

    @Test
    void theCheckoutPageTokenizesACardWithThePublicKey() {
        Map<String, Object> card = tokenize(publicKey, card("4242 4242 4242 4242"));

        assertThat((String) card.get("id")).matches("card_[a-z2-7]{26}");
        assertThat(card).containsEntry("scheme", "visa").containsEntry("type", "credit")
                .containsEntry("country_code", "US").containsEntry("iin", "424242")
                .containsEntry("last_4_digits", "4242").containsEntry("exp_month", 12)
                .containsEntry("exp_year", NEXT_YEAR).containsEntry("name", "Ada Lovelace")
                .containsEntry("used", false).containsEntry("project_id", "test-proj_demo");
        assertThat(card.toString()).doesNotContain("4242424242424242").doesNotContain("123,");
        assertThat(card).doesNotContainKeys("number", "cvc2", "cvc");
    }

    @Test
    void tokenizingAnswersTheCardExactlyAsItIsReadAfterwards() {
        Map<String, Object> answered = tokenize(publicKey, card("4000 0566 5566 5556"));

        Map<?, ?> read = secretKey.get().uri("/cards/{id}", answered.get("id")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(read.get("card")).isEqualTo(answered);
    }

    @Test
    void theSameCardHasTheSameFingerprintWithinAProjectOnly() {
        var first = tokenize(publicKey, card("5555555555554444"));
        var second = tokenize(secretKey, card("5555-5555-5555-4444"));
        var elsewhere = tokenize(other, card("5555555555554444"));

        assertThat(first.get("fingerprint")).isEqualTo(second.get("fingerprint"));
        assertThat(first.get("id")).isNotEqualTo(second.get("id"));
        assertThat(elsewhere.get("fingerprint")).isNotEqualTo(first.get("fingerprint"));
    }

    @Test
    void readingACardNeedsTheSecretKeyAndTheOwningProject() {
        String id = (String) tokenize(publicKey, card("378282246310005").replace("\"123\"", "\"1234\"")).get("id");

        secretKey.get().uri("/cards/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.card.scheme").isEqualTo("american-express");
        publicKey.get().uri("/cards/{id}", id).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.secret-key-required");
        other.get().uri("/cards/{id}", id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.card.not-found");
        other.delete().uri("/cards/{id}", id).exchange().expectStatus().isNotFound();
        secretKey.get().uri("/cards/card_notavalidid").exchange().expectStatus().isNotFound();
    }

    /**
     * A new card's rows, its sealed PAN and its read model, are stored with one insert each and never looked up: not by
     * their new id first, and not for the answer, which is the card as recorded (H2's statement log).
     */
    @Test
    void aNewCardsRowsAreInsertedWithoutALookup() {
        Map<String, Integer> statements = H2Statements.executionsDuring(jdbc,
                () -> tokenize(secretKey, card("4242424242424242")));
        Map<String, Integer> cardRows = new HashMap<>();
        statements.forEach((sql, times) -> {
            String lower = sql.toLowerCase(Locale.ROOT);
            if (lower.contains("sealed_card") || lower.contains("card_record")) {
                cardRows.put(lower.substring(0, lower.indexOf(' ')) + " " + (lower.contains("sealed_card")
                        ? "sealed_card" : "card_record"), times);
            }
        });
        assertThat(cardRows).containsOnly(entry("insert sealed_card", 1), entry("insert card_record", 1));
    }

    @Test
    void deletingACardErasesItsSealedPan() {
        String id = (String) tokenize(secretKey, card("4242424242424242")).get("id");
        assertThat(jdbc.queryForObject("select count(*) from sealed_card where card_id = ?", Integer.class, id))
                .isEqualTo(1);

        secretKey.delete().uri("/cards/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.deleted").isEqualTo(true);

        assertThat(jdbc.queryForObject("select count(*) from sealed_card where card_id = ?", Integer.class, id))
                .isZero();
        secretKey.get().uri("/cards/{id}", id).exchange().expectStatus().isNotFound();
        secretKey.delete().uri("/cards/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void aCardThatNeverExistedIsNotFoundForEveryCall() {
        String unknown = CardId.newId().value();

        secretKey.get().uri("/cards/{id}", unknown).exchange().expectStatus().isNotFound();
        secretKey.delete().uri("/cards/{id}", unknown).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.card.not-found");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Luhn failure | {\"number\":\"4242424242424241\",\"exp_month\":12,\"exp_year\":2099} | card.invalid-number",
        "too short | {\"number\":\"42424242\",\"exp_month\":12,\"exp_year\":2040} | card.invalid-number",
        "letters | {\"number\":\"4242abcd42424242\",\"exp_month\":12,\"exp_year\":2040} | card.invalid-number",
        "unknown scheme | {\"number\":\"9999999999999995\",\"exp_month\":12,\"exp_year\":2040} | card.invalid-number",
        "wrong length for Visa | {\"number\":\"42424242424242428\",\"exp_month\":12,\"exp_year\":2040} | card.invalid-number",
        "expired | {\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2020} | card.invalid-expiry-date",
        "month 13 | {\"number\":\"4242424242424242\",\"exp_month\":13,\"exp_year\":2040} | card.invalid-expiry-date",
        "month 0 | {\"number\":\"4242424242424242\",\"exp_month\":0,\"exp_year\":2040} | card.invalid-expiry-date",
        "year 12345 | {\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":12345} | card.invalid-expiry-date",
        "CVC too short | {\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2040,\"cvc2\":\"12\"} | card.invalid-cvc",
        "CVC letters | {\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2040,\"cvc2\":\"abc\"} | card.invalid-cvc",
        "3-digit CVC on Amex | {\"number\":\"378282246310005\",\"exp_month\":1,\"exp_year\":2040,\"cvc2\":\"123\"} | card.invalid-cvc",
        "4-digit CVC on Visa | {\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2040,\"cvc2\":\"1234\"} | card.invalid-cvc",
        "no number | {\"exp_month\":1,\"exp_year\":2040} | request.validation.missing-field",
        "no expiry | {\"number\":\"4242424242424242\"} | request.validation.missing-field",
        "number as a JSON number | {\"number\":4242424242424242,\"exp_month\":1,\"exp_year\":2040} | request.validation.invalid-type",
        "month as a string | {\"number\":\"4242424242424242\",\"exp_month\":\"1\",\"exp_year\":2040} | request.validation.invalid-type",
        "unknown field | {\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2040,\"pin\":\"1234\"}"
            + " | request.validation.unknown-field",
        "not JSON | {\"number\":\"4242424242424242\", | request.validation.invalid-json"
    })
    void refusesBadCardsWithoutEchoingThem(String name, String body, String errorType) {
        String response = publicKey.post().uri("/cards").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(response).contains("\"error_type\":\"" + errorType + "\"").contains("\"success\":false");
        assertThat(response).doesNotContain("424242424242").doesNotContain("378282246310005")
                .doesNotContain("9999999999999995");
    }

    @Test
    void looksUpAnIinWithThePublicKey() {
        publicKey.get().uri("/iins/497783").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.iin.scheme").isEqualTo("visa")
                .jsonPath("$.iin.iin").isEqualTo("497783");
        publicKey.get().uri("/iins/49778300").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.iin.country_code").isEqualTo("FR");
        publicKey.get().uri("/iins/222100").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.iin.scheme").isEqualTo("mastercard");
        publicKey.get().uri("/iins/999999").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.iin.not-found");
        publicKey.get().uri("/iins/12ab").exchange().expectStatus().isNotFound();
    }
}
