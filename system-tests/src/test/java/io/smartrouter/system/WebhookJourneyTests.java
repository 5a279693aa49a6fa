package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.deploy.LocalPlatform;
import io.smartrouter.system.WebhookReceiver.Hook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant registers a webhook endpoint through the gateway, pays an invoice, and receives the payment's events as
 * Standard Webhooks signed with the endpoint's secret (verified here independently of the dispatcher's code); the
 * delivery log shows them delivered; an operator's replay sends one again with its original webhook-id.
 */
@ExtendWith(RunningPlatform.class)
class WebhookJourneyTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPaymentsEventsArriveAsSignedWebhooksAndCanBeReplayed(RunningPlatform running) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var server = running.demo();
            var endpoint = server.post("/webhook-endpoints", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"invoice.created\",\"transaction.authorized\",\"transaction.captured\"],"
                    + "\"description\":\"Journey\"}");
            assertThat(endpoint.status()).as(endpoint.raw().body()).isEqualTo(200);
            String endpointId = endpoint.text("/webhook_endpoint/id");
            byte[] key = WebhookReceiver.key(endpoint.text("/webhook_endpoint/secret"));
            Instant registered = Instant.now().minusSeconds(1);

            String invoice = PaymentJourneyTests.invoice(running, "12.34", "");
            String card = PaymentJourneyTests.tokenize(running, "4242 4242 4242 4242");
            var authorized = running.demoPublicKey().post("/invoices/" + invoice + "/authorize",
                    "{\"source\":\"" + card + "\"}");
            assertThat(authorized.status()).as(authorized.raw().body()).isEqualTo(200);
            assertThat(server.post("/invoices/" + invoice + "/capture", "{}").status()).isEqualTo(200);

            List<Hook> received = receiver.await(got -> got.size() >= 3, WAIT);
            assertThat(received).extracting(Hook::type)
                    .containsExactlyInAnyOrder("invoice.created", "transaction.authorized", "transaction.captured");
            for (Hook hook : received) {
                assertThat(hook.signedWith(key)).as(hook.toString()).isTrue();
                assertThat(hook.json().at("/data/event_id").asString()).isEqualTo(hook.id());
                assertThat(hook.json().at("/data/project_id").asString()).isEqualTo(RunningPlatform.DEMO_PROJECT);
            }
            Hook captured = received.stream().filter(hook -> hook.type().equals("transaction.captured"))
                    .findFirst().orElseThrow();
            assertThat(captured.json().at("/data/transaction/status").asString()).isEqualTo("completed");
            assertThat(captured.json().at("/data/transaction/captured_amount").asString()).isEqualTo("12.34");
            assertThat(captured.json().at("/data/transaction/invoice_id").asString()).isEqualTo(invoice);
            assertThat(captured.body()).doesNotContain("4242424242424242");

            var event = server.get("/events/" + captured.id());
            assertThat(event.status()).isEqualTo(200);
            assertThat(event.text("/event/type")).isEqualTo("transaction.captured");
            assertThat(running.other().get("/events/" + captured.id()).status()).isEqualTo(404);
            var log = PaymentJourneyTests.eventually(() -> server.get("/events/" + captured.id() + "/webhooks"),
                    response -> "succeeded".equals(response.text("/webhooks/0/status")));
            assertThat(log.text("/webhooks/0/endpoint_id")).isEqualTo(endpointId);
            assertThat(log.json().at("/webhooks/0/attempts/0/http_status").asInt()).isEqualTo(204);

            String output = replay(running, "--since", registered.toString(), "--project",
                    RunningPlatform.DEMO_PROJECT, "--endpoint", endpointId, "--events", "transaction.captured");
            assertThat(JSON.readTree(output).at("/replay/deliveries").asInt()).as(output).isEqualTo(1);
            List<Hook> again = receiver.await(got -> got.stream().filter(hook -> hook.id().equals(captured.id()))
                    .count() == 2, WAIT);
            assertThat(again.stream().filter(hook -> hook.id().equals(captured.id())))
                    .allSatisfy(hook -> assertThat(hook.signedWith(key)).isTrue());
        }
    }

    /** Runs {@code deploy/bin/webhook-replay.sh}, the command behind {@code make webhook-replay}. */
    private static String replay(RunningPlatform running, String... arguments) throws IOException, InterruptedException {
        Path script = LocalPlatform.repoRoot(Path.of("")).resolve("deploy/bin/webhook-replay.sh");
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("SMARTROUTER_DATA_DIR", running.dataDir().toString());
        process.environment().put("SMARTROUTER_WEBHOOK_URL", running.serviceUrl("webhook-dispatcher"));
        process.environment().remove("SMARTROUTER_SERVICE_SECRET");
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).as(output).isZero();
        return output;
    }
}
