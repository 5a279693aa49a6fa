package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.smartrouter.deploy.LocalPlatform;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
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
        List<Hook> hooks = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/hooks", exchange -> {
            hooks.add(new Hook(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            var server = running.demo();
            var endpoint = server.post("/webhook-endpoints", "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hooks\",\"events\":[\"invoice.created\","
                    + "\"transaction.authorized\",\"transaction.captured\"],\"description\":\"Journey\"}");
            assertThat(endpoint.status()).as(endpoint.raw().body()).isEqualTo(200);
            String endpointId = endpoint.text("/webhook_endpoint/id");
            byte[] key = Base64.getDecoder().decode(endpoint.text("/webhook_endpoint/secret").substring("whsec_".length()));
            Instant registered = Instant.now().minusSeconds(1);

            String invoice = PaymentJourneyTests.invoice(running, "12.34", "");
            String card = PaymentJourneyTests.tokenize(running, "4242 4242 4242 4242");
            var authorized = running.demoPublicKey().post("/invoices/" + invoice + "/authorize",
                    "{\"source\":\"" + card + "\"}");
            assertThat(authorized.status()).as(authorized.raw().body()).isEqualTo(200);
            assertThat(server.post("/invoices/" + invoice + "/capture", "{}").status()).isEqualTo(200);

            List<Hook> received = await(hooks, got -> got.size() >= 3);
            assertThat(received).extracting(hook -> hook.json().get("type").asString())
                    .containsExactlyInAnyOrder("invoice.created", "transaction.authorized", "transaction.captured");
            for (Hook hook : received) {
                assertThat(hook.signedWith(key)).as(hook.toString()).isTrue();
                assertThat(hook.json().at("/data/event_id").asString()).isEqualTo(hook.id());
                assertThat(hook.json().at("/data/project_id").asString()).isEqualTo(RunningPlatform.DEMO_PROJECT);
            }
            Hook captured = received.stream().filter(hook -> hook.json().get("type").asString()
                    .equals("transaction.captured")).findFirst().orElseThrow();
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
            List<Hook> again = await(hooks, got -> got.stream().filter(hook -> hook.id().equals(captured.id())).count() == 2);
            assertThat(again.stream().filter(hook -> hook.id().equals(captured.id())))
                    .allSatisfy(hook -> assertThat(hook.signedWith(key)).isTrue());
        } finally {
            receiver.stop(0);
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

    private static List<Hook> await(List<Hook> hooks, Predicate<List<Hook>> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.test(hooks)) {
            assertThat(System.nanoTime()).as("webhooks received: " + hooks).isLessThan(deadline);
            Thread.sleep(100);
        }
        return List.copyOf(hooks);
    }

    /** One webhook as received. */
    record Hook(String id, String timestamp, String signature, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** Standard Webhooks verification, written out: HMAC-SHA256 of "id.timestamp.body", any v1 signature. */
        boolean signedWith(byte[] key) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "."
                        + body).getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.US_ASCII);
                for (String candidate : signature.split(" ")) {
                    if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                        return true;
                    }
                }
                return false;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
