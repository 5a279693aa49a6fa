package io.smartrouter.webhook.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A merchant's webhook receiver on a local port: records every request (headers, body, arrival time) per path and
 * answers what the test told it for that path (a status, after a delay).
 */
public final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What {@code path} answers from now on. */
    public void answer(String path, int status, Duration delay) {
        behaviours.put(path, new Behaviour(status, delay));
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Waits until {@code done} holds for the requests to {@code path}. */
    public List<Received> await(String path, Predicate<List<Received>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> now = received(path);
        while (!done.test(now)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Receiver " + path + " got " + now.size() + " requests: " + now);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = received(path);
        }
        return new ArrayList<>(now);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8),
                arrived));
        Behaviour behaviour = behaviours.getOrDefault(path, new Behaviour(200, Duration.ZERO));
        try {
            Thread.sleep(behaviour.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(behaviour.status(), answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException e) {
            // the dispatcher gave up waiting
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request as received. */
    public record Received(String path, String webhookId, String timestamp, String signature, String body,
            Instant arrivedAt) {
    }

    private record Behaviour(int status, Duration delay) {
    }
}
