package io.smartrouter.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant's webhook endpoint on loopback: {@code /fast} acknowledges at once and remembers when each event first
 * arrived (by {@code webhook-id}, and by type and object id); {@code /fast/invoices/<name>} (an invoice's own
 * {@code webhook_url}) acknowledges at once and remembers which events came to each name; {@code /slow} never answers
 * in time (it holds the request longer than the dispatcher's response timeout). Each path has its own server and
 * threads, so the slow one cannot delay the fast one inside this process.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INVOICES = "/invoices/";

    private final HttpServer fast;
    private final HttpServer slow;
    private final ExecutorService fastThreads = Executors.newFixedThreadPool(16);
    private final ExecutorService slowThreads = Executors.newCachedThreadPool();
    private final Map<String, Long> firstByEventId = new ConcurrentHashMap<>();
    private final Map<String, Long> firstByTypeAndObject = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> eventIdsByInvoiceUrl = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final long slowMillis;

    WebhookReceiver(long slowMillis) throws IOException {
        this.slowMillis = slowMillis;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        fast = HttpServer.create(new InetSocketAddress(loopback, 0), 256);
        fast.createContext("/fast", this::acknowledge);
        fast.setExecutor(fastThreads);
        fast.start();
        slow = HttpServer.create(new InetSocketAddress(loopback, 0), 256);
        slow.createContext("/slow", this::stall);
        slow.setExecutor(slowThreads);
        slow.start();
    }

    String fastUrl() {
        return "http://127.0.0.1:" + fast.getAddress().getPort() + "/fast";
    }

    /** An invoice's own webhook_url, under {@code name} (known before the invoice, which gets it at creation). */
    String invoiceUrl(String name) {
        return fastUrl() + INVOICES + name;
    }

    String slowUrl() {
        return "http://127.0.0.1:" + slow.getAddress().getPort() + "/slow";
    }

    private void acknowledge(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String eventId = exchange.getRequestHeaders().getFirst("webhook-id");
        received.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        int invoices = path.indexOf(INVOICES);
        if (invoices >= 0) {
            if (eventId != null) {
                eventIdsByInvoiceUrl.computeIfAbsent(path.substring(invoices + INVOICES.length()),
                        name -> ConcurrentHashMap.newKeySet()).add(eventId);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        if (eventId != null && firstByEventId.putIfAbsent(eventId, now) == null) {
            JsonNode event = JSON.readTree(body);
            String type = event.path("type").asString("");
            JsonNode data = event.path("data");
            String objectId = data.path("transaction").path("id").asString(data.path("invoice").path("id")
                    .asString(""));
            firstByTypeAndObject.putIfAbsent(type + " " + objectId, now);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private void stall(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            Thread.sleep(slowMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** When the first {@code type} event about {@code objectId} arrived ({@link System#nanoTime}), or null. */
    Long firstArrival(String type, String objectId) {
        return firstByTypeAndObject.get(type + " " + objectId);
    }

    /** Every event id received at least once. */
    Set<String> eventIds() {
        return Set.copyOf(firstByEventId.keySet());
    }

    /** Every event id received at least once at the invoice URL {@code name}. */
    Set<String> invoiceUrlEventIds(String name) {
        return Set.copyOf(eventIdsByInvoiceUrl.getOrDefault(name, Set.of()));
    }

    /** Requests received, duplicates included. */
    long requests() {
        return received.get();
    }

    @Override
    public void close() {
        fast.stop(0);
        slow.stop(0);
        fastThreads.shutdownNow();
        slowThreads.shutdownNow();
    }
}
