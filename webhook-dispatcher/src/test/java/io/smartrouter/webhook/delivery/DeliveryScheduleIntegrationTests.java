package io.smartrouter.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.web.RequestIds;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.webhook.delivery.worker.Deliveries;
import io.smartrouter.webhook.support.DispatcherIntegrationTest;
import io.smartrouter.webhook.support.Merchant;
import io.smartrouter.webhook.support.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import tools.jackson.databind.JsonNode;

/**
 * The schedule of deliveries: retries then the dead letter (with a clock the test moves), a slow endpoint next to a
 * fast one, 410 Gone, replays and resends that keep the original webhook-id, and the operators' replay.
 */
class DeliveryScheduleIntegrationTests extends DispatcherIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    InternalCalls internalCalls;
    @Autowired
    JdbcTemplate jdbc;

    /** The test schedule is: at once, 2 s later, 1 h later, then the dead letter. */
    @Test
    void aFailingDeliveryIsRetriedOnTheScheduleThenDeadLettered() {
        receiver.answer("/failing", 500, Duration.ZERO);
        merchant.endpoint(receiver.url("/failing"));
        EventEnvelope event = merchant.invoiceCreated("iv_" + Ids.random(), null);

        var first = receiver.await("/failing", got -> got.size() == 2, WAIT);
        assertThat(Duration.between(first.get(0).arrivedAt(), first.get(1).arrivedAt()))
                .isBetween(Duration.ofMillis(1_800), Duration.ofSeconds(6));
        JsonNode waiting = merchant.awaitDelivery(event.getEventId(), "pending");
        assertThat(Instant.parse(waiting.get("next_attempt_at").asString()))
                .isAfter(clock.instant().plus(Duration.ofMinutes(55)));
        assertThat(receiver.received("/failing")).hasSize(2);

        clock.advance(Duration.ofHours(1));
        var all = receiver.await("/failing", got -> got.size() == 3, WAIT);
        JsonNode dead = merchant.awaitDelivery(event.getEventId(), "dead");
        assertThat(dead.get("attempts")).extracting(attempt -> attempt.get("status").asString())
                .containsExactly("failed", "failed", "dead");
        assertThat(dead.get("attempts")).extracting(attempt -> attempt.get("http_status").asInt())
                .containsOnly(500);
        assertThat(all).extracting(Receiver.Received::webhookId).containsOnly(event.getEventId());
        receiver.await("/failing", got -> got.size() == 3, Duration.ofMillis(500));
    }

    /**
     * Six attempts may be in flight, four per endpoint. The slow endpoint holds its four for the 10 s response timeout;
     * without per-endpoint lanes its twelve deliveries would take all six slots and the fast endpoint would wait for
     * those timeouts. With them, the fast endpoint gets every event while the slow one still holds its first four; the
     * slow one's other eight are held (pending to the API) and the oldest four are sent as soon as its first four time
     * out, before those four are retried.
     */
    @Test
    void aSlowEndpointNeverDelaysAFastOne() {
        receiver.answer("/slow", 200, Duration.ofSeconds(12));
        String slowEndpoint = merchant.endpoint(receiver.url("/slow")).get("id").asString();
        merchant.endpoint(receiver.url("/fast"));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(merchant.invoiceCreated("iv_" + Ids.random(), null).getEventId());
        }
        receiver.await("/fast", got -> got.size() == 12, WAIT);
        List<Receiver.Received> slow = receiver.received("/slow");
        assertThat(slow).hasSize(4);
        Instant firstSlow = slow.stream().map(Receiver.Received::arrivedAt).min(Instant::compareTo).orElseThrow();
        assertThat(receiver.received("/fast")).allSatisfy(hook -> assertThat(hook.arrivedAt())
                .isBefore(firstSlow.plusSeconds(10)));

        assertThat(jdbc.queryForList("SELECT event_id FROM webhook_delivery WHERE endpoint_id = ? AND status = ?",
                String.class, slowEndpoint, Deliveries.HELD)).hasSize(8).doesNotContainAnyElementsOf(
                        slow.stream().map(Receiver.Received::webhookId).toList());
        String held = events.stream().filter(event -> slow.stream().noneMatch(hook -> hook.webhookId().equals(event)))
                .findFirst().orElseThrow();
        assertThat(merchant.get("/events/" + held + "/webhooks", 200).get("webhooks").findValuesAsString("status"))
                .contains("pending", "succeeded");

        List<Receiver.Received> afterTimeouts = receiver.await("/slow", got -> got.size() == 8, WAIT);
        assertThat(afterTimeouts.subList(4, 8)).extracting(Receiver.Received::webhookId)
                .doesNotHaveDuplicates().doesNotContainAnyElementsOf(slow.stream().map(Receiver.Received::webhookId)
                        .toList());
    }

    @Test
    void goneDisablesTheEndpointAtOnceAndTellsTheOthers() {
        receiver.answer("/gone", 410, Duration.ZERO);
        String gone = merchant.endpoint(receiver.url("/gone"), "invoice.created").get("id").asString();
        merchant.endpoint(receiver.url("/watcher"), "webhook_endpoint.disabled");
        merchant.invoiceCreated("iv_" + Ids.random(), null);

        var notice = receiver.await("/watcher", got -> got.size() == 1, WAIT).get(0);
        JsonNode body = Merchant.JSON.readTree(notice.body());
        assertThat(body.get("type").asString()).isEqualTo("webhook_endpoint.disabled");
        assertThat(body.at("/data/webhook_endpoint/id").asString()).isEqualTo(gone);
        assertThat(body.at("/data/webhook_endpoint/disabled_reason").asString()).isEqualTo("gone");
        JsonNode endpoint = merchant.get("/webhook-endpoints/" + gone, 200).get("webhook_endpoint");
        assertThat(endpoint.get("enabled").asBoolean()).isFalse();
        assertThat(endpoint.get("disabled_reason").asString()).isEqualTo("gone");
        merchant.invoiceCreated("iv_" + Ids.random(), null);
        receiver.await("/gone", got -> got.size() == 1, Duration.ofSeconds(1));
        assertThat(receiver.received("/gone")).hasSize(1);
    }

    @Test
    void replaysARangeAndResendsOneEventWithTheOriginalWebhookIds() {
        String original = merchant.endpoint(receiver.url("/original")).get("id").asString();
        Instant before = Instant.now().minusSeconds(1); // events carry the real time they were published
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(merchant.invoiceCreated("iv_" + Ids.random(), null).getEventId());
        }
        receiver.await("/original", got -> got.size() == 3, WAIT);
        String late = merchant.endpoint(receiver.url("/late")).get("id").asString();

        JsonNode replay = merchant.post("/webhook-endpoints/" + late + "/replay",
                "{\"since\":\"" + before + "\",\"events\":[\"invoice.created\"]}", 200);
        assertThat(replay.at("/replay/deliveries").asInt()).isEqualTo(3);
        assertThat(receiver.await("/late", got -> got.size() == 3, WAIT)).extracting(Receiver.Received::webhookId)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(merchant.post("/webhook-endpoints/" + late + "/replay",
                "{\"since\":\"" + Instant.now().plusSeconds(60) + "\"}", 200).at("/replay/deliveries").asInt())
                .isZero();

        merchant.post("/webhook-endpoints/" + original + "/replay", "{\"since\":\"" + before + "\",\"until\":\""
                + Instant.now().plusSeconds(1) + "\"}", 200);
        var again = receiver.await("/original", got -> got.size() == 6, WAIT);
        assertThat(again).extracting(Receiver.Received::webhookId).containsOnlyElementsOf(ids);
        JsonNode log = merchant.awaitDelivery(ids.get(0), "succeeded");
        assertThat(log.get("attempts")).extracting(attempt -> attempt.get("trigger").asString())
                .containsExactly("automatic", "manual");

        assertThat(merchant.post("/events/" + ids.get(1) + "/resend", "{}", 200).at("/resend/deliveries").asInt())
                .isEqualTo(2);
        receiver.await("/late", got -> got.stream().filter(hook -> hook.webhookId().equals(ids.get(1))).count() == 2,
                WAIT);
        merchant.post("/webhook-endpoints/" + late + "/replay", "{\"since\":\"later\"}", 400);
        merchant.post("/webhook-endpoints/" + late + "/replay", "{}", 400);
    }

    @Test
    void operatorsReplayARangeToOneEndpointWithTheServiceSecretOnly() {
        String endpoint = merchant.endpoint(receiver.url("/operator")).get("id").asString();
        Instant before = Instant.now().minusSeconds(1); // events carry the real time they were published
        String id = merchant.invoiceCreated("iv_" + Ids.random(), null).getEventId();
        receiver.await("/operator", got -> got.size() == 1, WAIT);
        String body = "{\"since\":\"" + before + "\",\"project_id\":\"" + merchant.project.value()
                + "\",\"endpoint_id\":\"" + endpoint + "\"}";

        String answer = new String(operator().post().uri("/internal/webhooks/replay")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Merchant.JSON.readTree(answer).at("/replay/deliveries").asInt()).as(answer).isEqualTo(1);
        assertThat(receiver.await("/operator", got -> got.size() == 2, WAIT)).extracting(Receiver.Received::webhookId)
                .containsOnly(id);
        merchant.call(merchant.api.post().uri("/internal/webhooks/replay").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body), 401);
    }

    WebTestClient operator() {
        return unsigned.mutate().filter((request, next) -> {
            String requestId = RequestIds.accept(null);
            return next.exchange(ClientRequest.from(request).headers(headers -> {
                headers.set(RequestIds.HEADER, requestId);
                internalCalls.sign(headers, InternalCalls.OPERATOR, request.method().name(),
                        request.url().getRawPath(), requestId);
            }).build());
        }).build();
    }
}
