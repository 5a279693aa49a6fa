package io.smartrouter.vault.persistence;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.vault.support.VaultClients.body;
import static io.smartrouter.vault.support.VaultClients.createCustomer;
import static io.smartrouter.vault.support.VaultClients.saveToken;
import static io.smartrouter.vault.support.VaultClients.tokenize;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.RealPostgres;
import io.smartrouter.vault.support.DatabaseScan;
import io.smartrouter.vault.support.VaultServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The vault on the real PostgreSQL server, in a fresh database: cards, customers and tokens work end to end, sealed PANs
 * are {@code bytea}, and no table of the schema holds a PAN in clear.
 */
@ExtendWith(RealPostgres.class)
@ActiveProfiles("postgres")
class PostgresVaultIntegrationTests extends VaultServiceIntegrationTest {

    private static String url;

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    InternalCalls internalCalls;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void freshSchema(DynamicPropertyRegistry registry) {
        url = RealPostgres.useFreshSchema(registry, "vault_it");
    }

    @AfterAll
    static void dropSchema() {
        if (url != null) {
            RealPostgres.dropSchemaOf(url);
        }
    }

    @Test
    void tokenizesSavesAndReleasesCardsOnPostgresWithoutStoringAPan() {
        var merchant = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        String customer = createCustomer(merchant, "{\"email\":\"pg@example.com\"}");
        String token = saveToken(merchant, customer, tokenize(merchant, "5555555555554444", "123"));

        var card = body(GatewayRequests.internal(unsigned, internalCalls, DEMO).post()
                .uri("/internal/tokens/{id}/detokenize", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reference\":\"tr_pg\",\"requested_by\":\"payment-service\"}").exchange()
                .expectStatus().isOk(), "card");
        assertThat(card).containsEntry("number", "5555555555554444");
        merchant.get().uri("/customers/{id}/tokens", customer).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tokens[0].id").isEqualTo(token);

        String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        assertThat(schema).startsWith("vault_it_");
        assertThat(jdbc.queryForList("SELECT data_type FROM information_schema.columns WHERE table_schema = "
                + "current_schema() AND table_name = 'sealed_card' AND column_name IN ('wrapped_key', 'ciphertext')",
                String.class)).hasSize(2).containsOnly("bytea");
        var values = DatabaseScan.allValues(jdbc, schema);
        assertThat(values).anyMatch(value -> value.contains("555555"));
        assertThat(values).noneMatch(value -> value.contains("5555555555554444")
                || value.contains("35353535353535353535353535343434"));
    }
}
