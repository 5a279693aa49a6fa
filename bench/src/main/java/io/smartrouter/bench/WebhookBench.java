package io.smartrouter.bench;

import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.serde.EventEnvelopeSerializer;
import io.smartrouter.schemas.serde.EventPayloads;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * The webhook measurements: deliveries per second to a fast local endpoint at saturation, and latency at a fixed rate,
 * both with events written to the invoices topic exactly as the invoice service publishes them (so the dispatcher is
 * the only thing measured); and the latency end to end, from an invoice's creation through the API (its commit) to
 * the receipt of its {@code invoice.created} webhook.
 */
final class WebhookBench {

    static final String CREATED = "invoice.created";

    private final JsonCalls calls;
    private final String secret;
    private final WebhookReceiver receiver;
    private final String bootstrapServers;

    WebhookBench(JsonCalls calls, String secret, WebhookReceiver receiver, String bootstrapServers) {
        this.calls = calls;
        this.secret = secret;
        this.receiver = receiver;
        this.bootstrapServers = bootstrapServers;
    }

    /** Registers an endpoint for every event type; answers its id. */
    String register(String url) {
        JsonNode endpoint = calls.post("register endpoint", "/webhook-endpoints", secret,
                "{\"url\":\"" + url + "\",\"events\":[\"*\"]}", new Latencies()).join();
        return endpoint.at("/webhook_endpoint/id").asString();
    }

    /**
     * Publishes {@code events} invoice-created events at once and answers deliveries per second: from the first
     * publication to the receipt of the last of them.
     */
    double deliveriesPerSecond(int events, Duration patience) throws InterruptedException {
        Map<String, Long> published = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, EventEnvelope> producer = producer()) {
            for (int i = 0; i < events; i++) {
                publish(producer, published);
            }
        }
        long last = 0;
        for (Long arrived : arrivals(published, patience).values()) {
            if (arrived == null) {
                throw new IllegalStateException("Not every webhook arrived within " + patience);
            }
            last = Math.max(last, arrived);
        }
        return events / ((last - start) / 1e9);
    }

    /**
     * The dispatcher alone at a fixed rate: invoice-created events written to the invoices topic at {@code perSecond}
     * (as the invoice service's outbox writes them) and the latency from each send to the receipt of its webhook.
     */
    Latencies dispatcherLatencyAt(double perSecond, Duration duration, Duration patience)
            throws InterruptedException {
        Map<String, Long> published = new ConcurrentHashMap<>();
        try (KafkaProducer<String, EventEnvelope> producer = producer()) {
            Load.openLoop(perSecond, duration, () -> publish(producer, published).thenApply(sent -> true));
        }
        return latencies(published, patience);
    }

    /**
     * End to end at a fixed rate: invoices created through the API at {@code perSecond}, and the latency from each
     * answer (the invoice and its event are committed before it) to the receipt of its webhook.
     */
    Latencies latencyAt(double perSecond, Duration duration, Duration patience) throws InterruptedException {
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Latencies ignored = new Latencies();
        Load.openLoop(perSecond, duration, () -> calls.post("create invoice", "/invoices", secret,
                "{\"name\":\"Webhook latency\",\"amount\":\"10.00\",\"currency\":\"EUR\"}", ignored)
                .thenApply(invoice -> {
                    answeredAt.put(invoice.at("/invoice/id").asString(), System.nanoTime());
                    return true;
                }));
        return latencies(answeredAt, patience);
    }

    private KafkaProducer<String, EventEnvelope> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
                new EventEnvelopeSerializer());
    }

    /** Sends one invoice-created event for a new invoice and notes when it was sent, by invoice id. */
    private static CompletableFuture<Void> publish(KafkaProducer<String, EventEnvelope> producer,
            Map<String, Long> sentAt) {
        String invoiceId = "iv_" + randomHex();
        InvoiceCreatedEvent created = InvoiceCreatedEvent.newBuilder().setInvoiceId(invoiceId)
                .setProjectId(FreshPlatform.DEMO_PROJECT).setName("Webhook benchmark").setAmount(1000)
                .setCurrency("EUR").setCreatedAt(Instant.now()).build();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        sentAt.put(invoiceId, System.nanoTime());
        producer.send(new ProducerRecord<>(Topics.INVOICES, invoiceId, EventEnvelope.newBuilder()
                .setEventId("ev_" + randomHex()).setEventType(EventPayloads.typeOf(created))
                .setAggregateType("Invoice").setAggregateId(invoiceId).setAggregateSequence(0)
                .setProjectId(FreshPlatform.DEMO_PROJECT).setOccurredAt(Instant.now())
                .setPayload(ByteBuffer.wrap(EventPayloads.encode(created))).build()), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.complete(null);
                    } else {
                        acknowledged.completeExceptionally(error);
                    }
                });
        return acknowledged;
    }

    /** From each invoice's start time to the first receipt of its {@code invoice.created} webhook; late = missing. */
    private Latencies latencies(Map<String, Long> startedAt, Duration patience) throws InterruptedException {
        Latencies latencies = new Latencies();
        arrivals(startedAt, patience).forEach((invoice, arrived) -> {
            if (arrived == null) {
                latencies.fail("webhook", "missing");
            } else {
                latencies.record("webhook", Math.max(0, arrived - startedAt.get(invoice)));
            }
        });
        return latencies;
    }

    /** Each invoice's first webhook receipt ({@code System.nanoTime()}), or null if none came within the patience. */
    private Map<String, Long> arrivals(Map<String, Long> invoices, Duration patience) throws InterruptedException {
        Map<String, Long> arrivals = new HashMap<>();
        long deadline = System.nanoTime() + patience.toNanos();
        for (String invoice : invoices.keySet()) {
            Long arrived;
            while ((arrived = receiver.firstArrival(CREATED, invoice)) == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            arrivals.put(invoice, arrived);
        }
        return arrivals;
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
