package io.smartrouter.bench;

import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.serde.EventEnvelopeSerializer;
import io.smartrouter.schemas.serde.EventPayloads;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * The webhook measurements: deliveries per second to a fast local endpoint at saturation (a burst of events written to
 * the invoices topic exactly as the invoice service publishes them, so the dispatcher is the only thing measured), and
 * the latency from an invoice's creation through the API (its commit) to the receipt of its {@code invoice.created}
 * webhook at a fixed rate — alone, then while another endpoint times out on every call.
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
        List<String> invoices = new ArrayList<>(events);
        long start = System.nanoTime();
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new EventEnvelopeSerializer())) {
            for (int i = 0; i < events; i++) {
                String invoiceId = "iv_" + randomHex();
                invoices.add(invoiceId);
                InvoiceCreatedEvent created = InvoiceCreatedEvent.newBuilder().setInvoiceId(invoiceId)
                        .setProjectId(FreshPlatform.DEMO_PROJECT).setName("Webhook benchmark").setAmount(1000)
                        .setCurrency("EUR").setCreatedAt(Instant.now()).build();
                producer.send(new ProducerRecord<>(Topics.INVOICES, invoiceId, EventEnvelope.newBuilder()
                        .setEventId("ev_" + randomHex()).setEventType(EventPayloads.typeOf(created))
                        .setAggregateType("Invoice").setAggregateId(invoiceId).setAggregateSequence(0)
                        .setProjectId(FreshPlatform.DEMO_PROJECT).setOccurredAt(Instant.now())
                        .setPayload(ByteBuffer.wrap(EventPayloads.encode(created))).build()));
            }
        }
        long deadline = System.nanoTime() + patience.toNanos();
        long last = 0;
        for (String invoice : invoices) {
            Long arrived;
            while ((arrived = receiver.firstArrival(CREATED, invoice)) == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (arrived == null) {
                throw new IllegalStateException("Not every webhook arrived within " + patience);
            }
            last = Math.max(last, arrived);
        }
        return events / ((last - start) / 1e9);
    }

    /** Creates invoices through the API at {@code perSecond} and records commit → webhook receipt latency. */
    Latencies latencyAt(double perSecond, Duration duration, Duration patience) throws InterruptedException {
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Latencies ignored = new Latencies();
        Load.openLoop(perSecond, duration, () -> calls.post("create invoice", "/invoices", secret,
                "{\"name\":\"Webhook latency\",\"amount\":\"10.00\",\"currency\":\"EUR\"}", ignored)
                .thenApply(invoice -> {
                    answeredAt.put(invoice.at("/invoice/id").asString(), System.nanoTime());
                    return true;
                }));
        Latencies latencies = new Latencies();
        long deadline = System.nanoTime() + patience.toNanos();
        for (Map.Entry<String, Long> invoice : answeredAt.entrySet()) {
            Long arrived;
            while ((arrived = receiver.firstArrival(CREATED, invoice.getKey())) == null
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (arrived == null) {
                latencies.fail("webhook", "missing");
            } else {
                latencies.record("webhook", Math.max(0, arrived - invoice.getValue()));
            }
        }
        return latencies;
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
