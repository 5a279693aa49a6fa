package io.smartrouter.webhook.endpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.webhook.delivery.signing.SigningSecret;
import io.smartrouter.webhook.delivery.signing.WebhookSignatures;
import io.smartrouter.webhook.support.DispatcherIntegrationTest;
import io.smartrouter.webhook.support.Merchant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /webhook-endpoints} and {@code /events} through the API: validation, pagination, updates, secret rotation
 * with both signatures during the overlap, secrets only sealed at rest, and one project never seeing another's.
 */
class WebhookEndpointApiIntegrationTests extends DispatcherIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    Merchant other;

    @BeforeEach
    void setUp() {
        other = newMerchant();
    }

    @Test
    void registersListsUpdatesAndDeletesEndpoints() {
        JsonNode first = merchant.endpoint(receiver.url("/a"));
        JsonNode second = merchant.endpoint(receiver.url("/b"), "transaction.captured", "customer.created");
        assertThat(first.get("id").asString()).startsWith("whep_");
        assertThat(second.get("events")).extracting(JsonNode::asString)
                .containsExactly("transaction.captured", "customer.created");

        JsonNode page = merchant.get("/webhook-endpoints?limit=1", 200);
        assertThat(page.get("webhook_endpoints")).hasSize(1);
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.at("/webhook_endpoints/0/secret").isMissingNode()).isTrue();
        JsonNode next = merchant.get("/webhook-endpoints?limit=1&start_after="
                + page.at("/webhook_endpoints/0/id").asString(), 200);
        assertThat(next.at("/webhook_endpoints/0/id").asString()).isNotEqualTo(page.at("/webhook_endpoints/0/id")
                .asString());
        assertThat(merchant.get("/webhook-endpoints/" + first.get("id").asString(), 200).has("secret")).isFalse();

        JsonNode updated = merchant.call(merchant.api.put().uri("/webhook-endpoints/" + first.get("id").asString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false,\"description\":\"Paused\"}"), 200).get("webhook_endpoint");
        assertThat(updated.get("enabled").asBoolean()).isFalse();
        assertThat(updated.get("description").asString()).isEqualTo("Paused");
        assertThat(updated.get("url").asString()).isEqualTo(receiver.url("/a"));

        merchant.call(merchant.api.delete().uri("/webhook-endpoints/" + first.get("id").asString()), 200);
        merchant.get("/webhook-endpoints/" + first.get("id").asString(), 404);
    }

    @Test
    void refusesBadEndpointsWithValidationErrors() {
        assertThat(merchant.post("/webhook-endpoints", "{\"url\":\"" + receiver.url("/x")
                + "\",\"events\":[\"transaction.teleported\"]}", 400).get("error_type").asString())
                .isEqualTo("request.validation.invalid-field");
        merchant.post("/webhook-endpoints", "{\"url\":\"ftp://example.com/x\"}", 400);
        merchant.post("/webhook-endpoints", "{\"events\":[\"*\"]}", 400);
        merchant.post("/webhook-endpoints", "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[]}", 400);
        merchant.post("/webhook-endpoints", "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[\"*\",\"customer"
                + ".created\"]}", 400);
        merchant.post("/webhook-endpoints", "{\"url\":\"" + receiver.url("/x") + "\",\"colour\":\"red\"}", 400);
        merchant.get("/events?type=nope", 400);
        merchant.get("/events?since=yesterday", 400);
        merchant.get("/events?start_after=iv_x", 400);
        merchant.get("/webhook-endpoints/whep_" + Ids.random(), 404);
        var publicKey = GatewayRequests.asProject(unsigned, auth, merchant.project, KeyType.PUBLIC);
        publicKey.get().uri("/webhook-endpoints").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aRotatedSecretSignsNextToTheOldOneDuringTheOverlap() {
        JsonNode endpoint = merchant.endpoint(receiver.url("/rotating"));
        String id = endpoint.get("id").asString();
        SigningSecret old = SigningSecret.parse(endpoint.get("secret").asString());
        JsonNode rotated = merchant.post("/webhook-endpoints/" + id + "/rotate-secret", "{}", 200)
                .get("webhook_endpoint");
        SigningSecret fresh = SigningSecret.parse(rotated.get("secret").asString());
        assertThat(fresh).isNotEqualTo(old);
        assertThat(rotated.get("previous_secret_expires_at").isNull()).isFalse();

        merchant.invoiceCreated("iv_" + Ids.random(), null);
        var hook = receiver.await("/rotating", got -> got.size() == 1, WAIT).get(0);
        byte[] body = hook.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = Long.parseLong(hook.timestamp());
        assertThat(hook.signature().split(" ")).hasSize(2);
        assertThat(WebhookSignatures.verify(old, hook.webhookId(), timestamp, body, hook.signature())).isTrue();
        assertThat(WebhookSignatures.verify(fresh, hook.webhookId(), timestamp, body, hook.signature())).isTrue();

        // At rest the secrets are sealed: neither appears in the database in any form the merchant saw.
        List<String> sealed = jdbc.queryForList("SELECT sealed FROM signing_secret WHERE owner_id = ?", String.class, id);
        assertThat(sealed).hasSize(2).allSatisfy(value -> assertThat(value)
                .doesNotContain(old.display().substring(6)).doesNotContain(fresh.display().substring(6)));
    }

    @Test
    void aProjectSeesNeitherAnothersEventsNorItsEndpoints() {
        String endpoint = merchant.endpoint(receiver.url("/mine")).get("id").asString();
        String eventId = merchant.invoiceCreated("iv_" + Ids.random(), null).getEventId();
        receiver.await("/mine", got -> got.size() == 1, WAIT);

        other.get("/events/" + eventId, 404);
        other.get("/events/" + eventId + "/webhooks", 404);
        other.post("/events/" + eventId + "/resend", "{}", 404);
        assertThat(other.get("/events", 200).get("events")).isEmpty();
        other.get("/webhook-endpoints/" + endpoint, 404);
        other.call(other.api.put().uri("/webhook-endpoints/" + endpoint).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false}"), 404);
        other.call(other.api.delete().uri("/webhook-endpoints/" + endpoint), 404);
        other.post("/webhook-endpoints/" + endpoint + "/rotate-secret", "{}", 404);
        other.post("/webhook-endpoints/" + endpoint + "/replay", "{\"since\":\"2020-01-01T00:00:00Z\"}", 404);
        assertThat(other.get("/webhook-endpoints", 200).get("webhook_endpoints")).isEmpty();
        other.get("/events?start_after=" + eventId, 400);

        assertThat(merchant.get("/events", 200).get("events")).extracting(event -> event.get("id").asString())
                .containsExactly(eventId);
        assertThat(merchant.get("/webhook-endpoints/" + endpoint, 200).at("/webhook_endpoint/enabled").asBoolean())
                .isTrue();
    }
}
