package io.smartrouter.vault.keys;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.vault.support.VaultClients.body;
import static io.smartrouter.vault.support.VaultClients.tokenize;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.vault.support.VaultServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Rotation through the operator endpoint: data keys move to the new KEK version and every card stays readable. */
class KeyRotationIntegrationTests extends VaultServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    InternalCalls internalCalls;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KeyEncryptionKeys keys;

    @Test
    void rotationRewrapsEveryDataKeyAndCardsStillDecrypt() {
        var merchant = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        var operator = GatewayRequests.internal(unsigned, internalCalls, InternalCalls.OPERATOR);
        var paymentService = GatewayRequests.internal(unsigned, internalCalls, DEMO);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cards.add(tokenize(merchant, "4242424242424242", null));
        }
        int before = keys.currentVersion();

        var report = body(operator.post().uri("/internal/keys/rotate").exchange().expectStatus().isOk(), "keys");

        assertThat(report.get("current_version")).isEqualTo(before + 1);
        assertThat((Integer) report.get("rewrapped")).isGreaterThanOrEqualTo(cards.size());
        assertThat(report.get("data_keys_by_version")).isEqualTo(Map.of(String.valueOf(before + 1),
                jdbc.queryForObject("select count(*) from sealed_card", Integer.class)));
        for (String card : cards) {
            var details = body(paymentService.post().uri("/internal/cards/{id}/detokenize", card)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"reference\":\"tr_rotation\",\"requested_by\":\"payment-service\"}").exchange()
                    .expectStatus().isOk(), "card");
            assertThat(details).containsEntry("number", "4242424242424242");
        }
        String newCard = tokenize(merchant, "5555555555554444", null);
        assertThat(jdbc.queryForObject("select kek_version from sealed_card where card_id = ?", Integer.class,
                newCard)).isEqualTo(before + 1);
        operator.get().uri("/internal/keys").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys.current_version").isEqualTo(before + 1);
    }

    @Test
    void onlyInternalCallersMayRotate() {
        GatewayRequests.withSecretKey(unsigned, auth, DEMO).post().uri("/internal/keys/rotate").exchange()
                .expectStatus().isUnauthorized();
        unsigned.post().uri("/internal/keys/rotate").exchange().expectStatus().isUnauthorized();
    }
}
