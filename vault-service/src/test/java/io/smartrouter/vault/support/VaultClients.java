package io.smartrouter.vault.support;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test helpers for the vault's API: tokenizing a card, creating a customer, signing internal calls. */
public final class VaultClients {

    public static final int NEXT_YEAR = Year.now().getValue() + 1;

    private VaultClients() {
    }

    public static String cardJson(String number, String cvc) {
        return "{\"number\":\"" + number + "\",\"exp_month\":12,\"exp_year\":" + NEXT_YEAR
                + (cvc == null ? "" : ",\"cvc2\":\"" + cvc + "\"") + ",\"name\":\"Ada Lovelace\"}";
    }

    /** Tokenizes a card and answers its {@code card_…} id. */
    public static String tokenize(WebTestClient client, String number, String cvc) {
        return (String) body(client.post().uri("/cards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bytes(cardJson(number, cvc))).exchange().expectStatus().isOk(), "card").get("id");
    }

    /** Creates a customer and answers its {@code cust_…} id. */
    public static String createCustomer(WebTestClient client, String json) {
        return (String) body(client.post().uri("/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange().expectStatus().isOk(), "customer").get("id");
    }

    /** Saves a card token to a customer and answers the {@code tok_…} id. */
    public static String saveToken(WebTestClient client, String customerId, String cardId) {
        return (String) body(client.post().uri("/customers/{id}/tokens", customerId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + cardId + "\"}").exchange().expectStatus().isOk(), "token").get("id");
    }

    /**
     * A request body as bytes: the client's string encoder logs the start of every body at DEBUG, which would put test
     * card numbers in the captured logs that {@code CardDataLeakIntegrationTests} scans for the vault's leaks.
     */
    public static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(WebTestClient.ResponseSpec response, String resource) {
        return (Map<String, Object>) response.expectBody(Map.class).returnResult().getResponseBody().get(resource);
    }
}
