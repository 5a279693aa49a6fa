package io.smartrouter.vault.internal;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.platform.testing.GatewayRequests.OTHER;
import static io.smartrouter.vault.support.VaultClients.body;
import static io.smartrouter.vault.support.VaultClients.createCustomer;
import static io.smartrouter.vault.support.VaultClients.saveToken;
import static io.smartrouter.vault.support.VaultClients.tokenize;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.Concurrently;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.H2Statements;
import io.smartrouter.platform.testing.TopicReader;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.serde.EventPayloads;
import io.smartrouter.schemas.vault.CardDetokenizedEvent;
import io.smartrouter.vault.support.VaultServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

class DetokenizationIntegrationTests extends VaultServiceIntegrationTest {

    static final String REQUEST = "{\"reference\":\"tr_test\",\"requested_by\":\"payment-service\"}";

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    InternalCalls internalCalls;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    JdbcTemplate jdbc;

    WebTestClient merchant;
    WebTestClient paymentService;

    @BeforeEach
    void clients() {
        merchant = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        paymentService = GatewayRequests.internal(unsigned, internalCalls, DEMO);
    }

    WebTestClient.ResponseSpec detokenize(WebTestClient client, String path) {
        return detokenize(client, path, REQUEST);
    }

    WebTestClient.ResponseSpec detokenize(WebTestClient client, String path, String request) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }

    @Test
    void releasesAOneTimeCardOnceWithItsCvcAndAuditsIt() {
        String card = tokenize(merchant, "4242 4242 4242 4242", "737");

        var details = body(detokenize(paymentService, "/internal/cards/" + card + "/detokenize").expectStatus().isOk(),
                "card");
        assertThat(details).containsEntry("number", "4242424242424242").containsEntry("cvc2", "737")
                .containsEntry("exp_month", 12).containsEntry("name", "Ada Lovelace");

        detokenize(paymentService, "/internal/cards/" + card + "/detokenize",
                "{\"reference\":\"tr_another\",\"requested_by\":\"payment-service\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.source.already-used");
        // The payment that used it may ask again (its first answer lost); the CVC was released the first time only.
        var again = body(detokenize(paymentService, "/internal/cards/" + card + "/detokenize").expectStatus().isOk(),
                "card");
        assertThat(again).containsEntry("number", "4242424242424242").containsEntry("cvc2", null);
        merchant.get().uri("/cards/{id}", card).exchange().expectBody().jsonPath("$.card.used").isEqualTo(true);

        try (var topic = new TopicReader(kafka.getBrokersAsString(), Topics.VAULT, "audit-" + card)) {
            var records = topic.pollUntil(seen -> seen.stream().anyMatch(r -> r.key().equals(card)
                    && r.value().getEventType().equals(CardDetokenizedEvent.class.getName())), Duration.ofSeconds(30));
            var audit = (CardDetokenizedEvent) records.stream()
                    .filter(r -> r.key().equals(card)
                            && r.value().getEventType().equals(CardDetokenizedEvent.class.getName()))
                    .map(r -> EventPayloads.decode(r.value().getPayload())).findFirst().orElseThrow();
            assertThat(audit.getReference()).isEqualTo("tr_test");
            assertThat(audit.getRequestedBy()).isEqualTo("payment-service");
            assertThat(audit.getCvcReleased()).isTrue();
        }
    }

    @Test
    void exactlyOneOfManyConcurrentUsesOfACardWins() throws Exception {
        String card = tokenize(merchant, "5555555555554444", "123");
        String customer = createCustomer(merchant, "{}");
        int attempts = 8;
        List<Callable<Integer>> uses = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            boolean asToken = i % 2 == 0;
            // Each detokenization for a payment of its own.
            String request = "{\"reference\":\"tr_race" + i + "\",\"requested_by\":\"payment-service\"}";
            uses.add(() -> {
                var spec = asToken
                        ? merchant.post().uri("/customers/{id}/tokens", customer).contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"source\":\"" + card + "\"}").exchange()
                        : detokenize(paymentService, "/internal/cards/" + card + "/detokenize", request);
                return spec.returnResult(String.class).getStatus().value();
            });
        }
        List<Integer> results = Concurrently.run(uses);

        assertThat(results).as(results.toString()).filteredOn(status -> status == 200).hasSize(1);
        assertThat(results).filteredOn(status -> status == 409).hasSize(attempts - 1);
    }

    @Test
    void releasesACustomerTokensCardAsLongAsTokenAndCustomerLive() {
        String customer = createCustomer(merchant, "{}");
        String token = saveToken(merchant, customer, tokenize(merchant, "378282246310005", "1234"));

        for (int payment = 0; payment < 3; payment++) {
            var details = body(detokenize(paymentService, "/internal/tokens/" + token + "/detokenize")
                    .expectStatus().isOk(), "card");
            assertThat(details).containsEntry("number", "378282246310005").containsEntry("cvc2", null);
        }

        merchant.delete().uri("/customers/{id}", customer).exchange().expectStatus().isOk();
        detokenize(paymentService, "/internal/tokens/" + token + "/detokenize")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.token.not-found");
    }

    @Test
    void aDeletedTokenCannotPay() {
        String customer = createCustomer(merchant, "{}");
        String token = saveToken(merchant, customer, tokenize(merchant, "4242424242424242", null));
        merchant.delete().uri("/customers/{id}/tokens/{tok}", customer, token).exchange().expectStatus().isOk();

        detokenize(paymentService, "/internal/tokens/" + token + "/detokenize").expectStatus().isNotFound();
    }

    @Test
    void aDeletedCardCannotPay() {
        String card = tokenize(merchant, "4242424242424242", null);
        merchant.delete().uri("/cards/{id}", card).exchange().expectStatus().isOk();

        detokenize(paymentService, "/internal/cards/" + card + "/detokenize").expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.card.not-found");
    }

    /** The card's details come from the aggregate's answer and the sealed PAN: the read model is not read. */
    @Test
    void aReleaseReadsNoReadModel() {
        String card = tokenize(merchant, "4242 4242 4242 4242", null);

        Map<String, Integer> statements = H2Statements.executionsDuring(jdbc,
                () -> detokenize(paymentService, "/internal/cards/" + card + "/detokenize").expectStatus().isOk());

        assertThat(statements.keySet()).anyMatch(sql -> sql.toLowerCase(Locale.ROOT).startsWith("select")
                        && sql.toLowerCase(Locale.ROOT).contains("sealed_card"))
                .noneMatch(sql -> sql.toLowerCase(Locale.ROOT).startsWith("select")
                        && sql.toLowerCase(Locale.ROOT).contains("card_record"));
    }

    @Test
    void aCardThatNeverExistedCannotPayNorBeSaved() {
        String unknown = CardId.newId().value();

        detokenize(paymentService, "/internal/cards/" + unknown + "/detokenize").expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.card.not-found");
        merchant.post().uri("/customers/{id}/tokens", createCustomer(merchant, "{}"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"source\":\"" + unknown + "\"}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.card.not-found");
    }

    @Test
    void onlyInternalCallersOfTheOwningProjectGetCardData() {
        String card = tokenize(merchant, "4242424242424242", "123");

        // A request the gateway signed, with the merchant's secret key: not an internal call.
        detokenize(merchant, "/internal/cards/" + card + "/detokenize").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.invalid");
        detokenize(unsigned, "/internal/cards/" + card + "/detokenize").expectStatus().isUnauthorized();
        // An internal call for another project.
        detokenize(GatewayRequests.internal(unsigned, internalCalls, OTHER), "/internal/cards/" + card + "/detokenize")
                .expectStatus().isNotFound();
        // An internal-call signature cannot be replayed on a public path either.
        paymentService.get().uri("/cards/{id}", card).exchange().expectStatus().isUnauthorized();

        detokenize(paymentService, "/internal/cards/" + card + "/detokenize").expectStatus().isOk();
    }
}
