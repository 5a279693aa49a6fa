package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant's webhook endpoint: an HTTP server on {@code 127.0.0.1} (a free port) that answers every request 204 and
 * records it as a {@link Hook}, to be verified here independently of the dispatcher's code.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/hooks";

    private final HttpServer server;
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext(PATH, exchange -> {
            hooks.add(new Hook(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL to register as a webhook endpoint. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Every request received so far, retries and replays included, in arrival order. */
    List<Hook> received() {
        return List.copyOf(hooks);
    }

    /** Waits until {@code done} holds for the requests received; answers them then, or fails after {@code timeout}. */
    List<Hook> await(Predicate<List<Hook>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received())) {
            assertThat(System.nanoTime()).as("webhooks received: " + hooks).isLessThan(deadline);
            Thread.sleep(100);
        }
        return received();
    }

    /**
     * Waits for {@code expected} events (type → count, an event being a distinct webhook-id) and fails if the events
     * received are other ones; answers the first delivery of each.
     */
    List<Hook> awaitEvents(Map<String, Long> expected, Duration timeout) throws InterruptedException {
        long count = expected.values().stream().mapToLong(Long::longValue).sum();
        List<Hook> events = distinct(await(got -> distinct(got).size() >= count, timeout));
        assertThat(events.stream().collect(Collectors.groupingBy(Hook::type, Collectors.counting())))
                .as("webhook types received").isEqualTo(expected);
        return events;
    }

    /** The first delivery of each event (delivery is at-least-once: receivers deduplicate on webhook-id). */
    static List<Hook> distinct(List<Hook> hooks) {
        Set<String> seen = new HashSet<>();
        List<Hook> first = new ArrayList<>();
        for (Hook hook : hooks) {
            if (seen.add(hook.id())) {
                first.add(hook);
            }
        }
        return first;
    }

    /** The HMAC key of an endpoint secret: the base64-decoded part after {@code whsec_}. */
    static byte[] key(String endpointSecret) {
        assertThat(endpointSecret).startsWith("whsec_");
        return Base64.getDecoder().decode(endpointSecret.substring("whsec_".length()));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One webhook request as received: its Standard Webhooks headers and its body. */
    record Hook(String id, String timestamp, String signature, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String type() {
            return json().get("type").asString();
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
