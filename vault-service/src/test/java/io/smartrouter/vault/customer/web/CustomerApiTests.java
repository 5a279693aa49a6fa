package io.smartrouter.vault.customer.web;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.platform.testing.GatewayRequests.OTHER;
import static io.smartrouter.vault.support.VaultClients.body;
import static io.smartrouter.vault.support.VaultClients.createCustomer;
import static io.smartrouter.vault.support.VaultClients.saveToken;
import static io.smartrouter.vault.support.VaultClients.tokenize;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.vault.support.VaultServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CustomerApiTests extends VaultServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    InternalCalls internalCalls;

    WebTestClient demo;
    WebTestClient other;

    @BeforeEach
    void clients() {
        demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        other = GatewayRequests.withSecretKey(unsigned, auth, OTHER);
    }

    @Test
    void createsUpdatesAndDeletesACustomer() {
        String id = createCustomer(demo, "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"country_code\":\"GB\","
                + "\"metadata\":{\"crm\":\"42\"}}");
        assertThat(id).matches("cust_[a-z2-7]{26}");

        var updated = body(demo.put().uri("/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"last_name\":\"Lovelace\",\"city\":\"London\"}").exchange().expectStatus().isOk(),
                "customer");
        assertThat(updated).containsEntry("email", "ada@example.com").containsEntry("first_name", "Ada")
                .containsEntry("last_name", "Lovelace").containsEntry("city", "London")
                .containsEntry("metadata", Map.of("crm", "42")).containsEntry("default_token_id", null);

        demo.delete().uri("/customers/{id}", id).exchange().expectStatus().isOk();
        demo.get().uri("/customers/{id}", id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.customer.not-found");
        demo.put().uri("/customers/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isNotFound();
    }

    /**
     * The invoice service asks whether a customer it has not heard of exists (ADR 0025): 204 for the project's live
     * customer, 404 for another project's, a deleted or an unknown one, and only as an internal call.
     */
    @Test
    void answersInternalCallsWhetherACustomerExists() {
        String id = createCustomer(demo, "{\"email\":\"ada@example.com\"}");
        WebTestClient invoiceService = GatewayRequests.internal(unsigned, internalCalls, DEMO);

        invoiceService.get().uri("/internal/customers/{id}", id).exchange().expectStatus().isNoContent();
        GatewayRequests.internal(unsigned, internalCalls, OTHER).get().uri("/internal/customers/{id}", id).exchange()
                .expectStatus().isNotFound();
        invoiceService.get().uri("/internal/customers/not-an-id").exchange().expectStatus().isNotFound();
        demo.get().uri("/internal/customers/{id}", id).exchange().expectStatus().isUnauthorized();
        demo.delete().uri("/customers/{id}", id).exchange().expectStatus().isOk();
        invoiceService.get().uri("/internal/customers/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesBadCustomerFields() {
        for (String body : List.of("{\"email\":\"not-an-email\"}", "{\"country_code\":\"XX\"}",
                "{\"first_name\":\"" + "a".repeat(300) + "\"}", "{\"default_token_id\":\"tok_x\"}")) {
            demo.post().uri("/customers").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-field");
        }
        demo.post().uri("/customers").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"card\":\"x\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.unknown-field");
    }

    @Test
    void savesCardsAsReusableTokensWithADefault() {
        String customer = createCustomer(demo, "{\"email\":\"grace@example.com\"}");
        String firstCard = tokenize(demo, "4242424242424242", "123");
        String secondCard = tokenize(demo, "5555555555554444", null);

        var first = body(demo.post().uri("/customers/{id}/tokens", customer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + firstCard + "\"}").exchange().expectStatus().isOk(), "token");
        assertThat((String) first.get("id")).matches("tok_[a-z2-7]{26}");
        assertThat(first).containsEntry("customer_id", customer).containsEntry("type", "card")
                .containsEntry("is_default", true).containsEntry("is_chargeable", true)
                .containsEntry("summary", "visa **** 4242");
        @SuppressWarnings("unchecked")
        Map<String, Object> card = (Map<String, Object>) first.get("card");
        assertThat(card).containsEntry("id", firstCard).containsEntry("last_4_digits", "4242")
                .doesNotContainKeys("number", "cvc2");

        var second = body(demo.post().uri("/customers/{id}/tokens", customer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + secondCard + "\",\"set_default\":true}").exchange().expectStatus().isOk(),
                "token");
        assertThat(second).containsEntry("is_default", true);
        demo.get().uri("/customers/{id}", customer).exchange().expectBody()
                .jsonPath("$.customer.default_token_id").isEqualTo(second.get("id"));
        demo.get().uri("/customers/{id}/tokens", customer).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.tokens.length()").isEqualTo(2)
                .jsonPath("$.tokens[0].id").isEqualTo(first.get("id"))
                .jsonPath("$.tokens[0].is_default").isEqualTo(false);

        demo.delete().uri("/customers/{id}/tokens/{tok}", customer, second.get("id")).exchange().expectStatus().isOk();
        demo.get().uri("/customers/{id}/tokens/{tok}", customer, second.get("id")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.token.not-found");
        demo.get().uri("/customers/{id}", customer).exchange().expectBody()
                .jsonPath("$.customer.default_token_id").isEmpty();

        demo.put().uri("/customers/{id}", customer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"default_token_id\":\"" + first.get("id") + "\"}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.customer.default_token_id").isEqualTo(first.get("id"));
    }

    @Test
    void aCardTokenSavesOnceOnly() {
        String customer = createCustomer(demo, "{}");
        String card = tokenize(demo, "4242424242424242", null);
        saveToken(demo, customer, card);

        demo.post().uri("/customers/{id}/tokens", customer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"}").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.source.already-used");
        demo.post().uri("/customers/{id}/tokens", customer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"tok_abc\"}").exchange()
                .expectStatus().isBadRequest();
        demo.post().uri("/customers/{id}/tokens", customer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"card_aaaaaaaaaaaaaaaaaaaaaaaaaa\"}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.card.not-found");
    }

    @Test
    void anotherProjectSeesNothingAndCannotUseTheCards() {
        String customer = createCustomer(demo, "{\"email\":\"mine@example.com\"}");
        String token = saveToken(demo, customer, tokenize(demo, "4242424242424242", null));
        String card = tokenize(demo, "5555555555554444", null);
        String theirCustomer = createCustomer(other, "{}");

        other.get().uri("/customers/{id}", customer).exchange().expectStatus().isNotFound();
        other.put().uri("/customers/{id}", customer).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isNotFound();
        other.delete().uri("/customers/{id}", customer).exchange().expectStatus().isNotFound();
        other.get().uri("/customers/{id}/tokens", customer).exchange().expectStatus().isNotFound();
        other.get().uri("/customers/{id}/tokens/{tok}", customer, token).exchange().expectStatus().isNotFound();
        other.delete().uri("/customers/{id}/tokens/{tok}", customer, token).exchange().expectStatus().isNotFound();
        other.post().uri("/customers/{id}/tokens", theirCustomer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.card.not-found");
        other.get().uri("/customers").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.customers[?(@.id == '" + customer + "')]").isEmpty();
        demo.get().uri("/customers/{id}", customer).exchange().expectStatus().isOk();
    }

    @Test
    void customersNeedTheSecretKey() {
        var publicKey = GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC);
        publicKey.post().uri("/customers").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.secret-key-required");
        publicKey.get().uri("/customers").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void listsCustomersWithCursorPagination() throws InterruptedException {
        var project = new ProjectId("test-proj_pages");
        var client = GatewayRequests.withSecretKey(unsigned, auth, project);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createCustomer(client, "{\"first_name\":\"C" + i + "\"}"));
            Thread.sleep(3); // distinct created_at milliseconds, so creation order is list order
        }

        client.get().uri("/customers?limit=2&order=asc").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.customers[0].id").isEqualTo(ids.get(0))
                .jsonPath("$.customers[1].id").isEqualTo(ids.get(1))
                .jsonPath("$.has_more").isEqualTo(true);
        client.get().uri("/customers?limit=2&order=asc&start_after=" + ids.get(3)).exchange().expectBody()
                .jsonPath("$.customers.length()").isEqualTo(1)
                .jsonPath("$.customers[0].id").isEqualTo(ids.get(4))
                .jsonPath("$.has_more").isEqualTo(false);
        client.get().uri("/customers?limit=2&end_before=" + ids.get(2)).exchange().expectBody()
                .jsonPath("$.customers[0].id").isEqualTo(ids.get(4))
                .jsonPath("$.customers[1].id").isEqualTo(ids.get(3));
        client.get().uri("/customers?limit=0").exchange().expectStatus().isBadRequest();
        client.get().uri("/customers?colour=red").exchange().expectStatus().isBadRequest();
        client.get().uri("/customers?start_after=iv_x").exchange().expectStatus().isBadRequest();
    }
}
