package io.smartrouter.bench;

import io.smartrouter.bench.ChaosPayment.Told;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventEnvelopeDeserializer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * What the crash test asserts once the faults are over and the platform settled: every payment step the client was
 * told about is recorded exactly once (an unknown one at most once, an unacknowledged one not at all), nothing is left
 * in flight, and every event reached Kafka — no gap in any aggregate's sequence, each event id once for a reader that
 * deduplicates, the events of acknowledged steps present.
 */
final class ChaosVerdict {

    private static final String CAPTURED = "io.smartrouter.schemas.payment.TransactionCapturedEvent";

    private final List<String> violations = new ArrayList<>();
    private final Map<String, String> transactionByInvoice = new HashMap<>();
    private long events;
    private long duplicates;
    private long webhookEvents;
    private long invoiceUrlEvents;

    List<String> violations() {
        return List.copyOf(violations);
    }

    long events() {
        return events;
    }

    long duplicates() {
        return duplicates;
    }

    /** Waits until no payment has an operation in flight (the reconcilers resolve what the crashes left). */
    static boolean awaitSettled(Api api, List<ChaosPayment> payments, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            boolean settled = payments.stream().filter(payment -> payment.invoiceId != null)
                    .map(payment -> api.get("/invoices/" + payment.invoiceId + "/transactions"))
                    .filter(Api.Answer::ok)
                    .noneMatch(answer -> operations(answer.json().get("transaction")).stream()
                            .anyMatch(operation -> "pending".equals(operation.get("status").asString())));
            if (settled) {
                return true;
            }
            Thread.sleep(2_000);
        }
        return false;
    }

    void checkPayments(Api api, List<ChaosPayment> payments) {
        for (ChaosPayment payment : payments) {
            if (payment.invoiceId == null) {
                continue;
            }
            Api.Answer answer = api.get("/invoices/" + payment.invoiceId + "/transactions");
            if (!answer.ok()) {
                if (payment.authorize == Told.ACKNOWLEDGED) {
                    violations.add(payment.invoiceId + ": acknowledged authorization, but no transaction ("
                            + answer.status() + ")");
                }
                continue;
            }
            JsonNode transaction = answer.json().get("transaction");
            transactionByInvoice.put(payment.invoiceId, transaction.get("id").asString());
            List<JsonNode> operations = operations(transaction);
            operations.stream().filter(operation -> "pending".equals(operation.get("status").asString()))
                    .forEach(operation -> violations.add(payment.invoiceId + ": " + operation.get("type").asString()
                            + " operation still in flight"));
            expect(payment, "authorization", payment.authorize, succeeded(operations, "authorization"),
                    ChaosPayment.AMOUNT);
            expect(payment, "capture", payment.capture, succeeded(operations, "capture"), payment.captureAmount());
            expect(payment, "refund", payment.refund, succeeded(operations, "refund"), ChaosPayment.PARTIAL_REFUND);
            expect(payment, "void", payment.voided, succeeded(operations, "void"), null);
            consistent(payment, transaction, "captured_amount", succeeded(operations, "capture"));
            consistent(payment, transaction, "refunded_amount", succeeded(operations, "refund"));
        }
    }

    private void expect(ChaosPayment payment, String step, Told told, List<JsonNode> done, String amount) {
        boolean ok = switch (told) {
            case ACKNOWLEDGED -> done.size() == 1
                    && (amount == null || amount.equals(done.get(0).get("amount").asString()));
            case UNKNOWN -> done.size() <= 1;
            default -> done.isEmpty();
        };
        if (!ok) {
            violations.add(payment.invoiceId + " (" + payment.scenario + "): " + step + " was " + told
                    + " to the client, the platform recorded " + done.size() + " successful " + step + "(s)");
        }
    }

    /** The transaction's totals are the sum of its successful operations (amounts in the currency's major unit). */
    private void consistent(ChaosPayment payment, JsonNode transaction, String field, List<JsonNode> done) {
        long sum = done.stream().mapToLong(operation -> cents(operation.get("amount").asString())).sum();
        if (cents(transaction.get(field).asString()) != sum) {
            violations.add(payment.invoiceId + ": " + field + " " + transaction.get(field).asString()
                    + " is not the sum of its operations");
        }
    }

    /** USD amounts only in this workload: two decimals. */
    private static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    private static List<JsonNode> succeeded(List<JsonNode> operations, String type) {
        return operations.stream().filter(operation -> type.equals(operation.get("type").asString())
                && "succeeded".equals(operation.get("status").asString())).toList();
    }

    private static List<JsonNode> operations(JsonNode transaction) {
        JsonNode operations = transaction.get("operations");
        return operations == null ? List.of()
                : StreamSupport.stream(operations.spliterator(), false).toList();
    }

    /**
     * Every public event of the project reached the healthy endpoint at least once (duplicates allowed: receivers
     * deduplicate on {@code webhook-id}), and every event of a payment's invoice (the invoice's and its transaction's)
     * reached the invoice's own webhook_url; waits up to {@code patience} for the last deliveries.
     */
    void checkWebhooks(Api api, WebhookReceiver receiver, List<ChaosPayment> payments, Duration patience)
            throws InterruptedException {
        Map<String, String> invoiceByEvent = new HashMap<>();
        String after = null;
        boolean more = true;
        while (more) {
            Api.Answer page = api.get("/events?order=asc&limit=100" + (after == null ? "" : "&start_after=" + after));
            if (!page.ok()) {
                violations.add("GET /events answered " + page.status());
                return;
            }
            for (JsonNode event : page.json().get("events")) {
                after = event.get("id").asString();
                JsonNode data = event.get("data");
                invoiceByEvent.put(after, data.path("invoice").path("id").asString(
                        data.path("transaction").path("invoice_id").asString("")));
            }
            more = page.json().get("has_more").asBoolean() && after != null;
        }
        Map<String, String> urlByInvoice = new HashMap<>();
        synchronized (payments) {
            payments.stream().filter(payment -> payment.invoiceId != null)
                    .forEach(payment -> urlByInvoice.put(payment.invoiceId, payment.keyPrefix));
        }
        long deadline = System.nanoTime() + patience.toNanos();
        Set<String> missing = new HashSet<>(invoiceByEvent.keySet());
        Map<String, String> missingAtInvoiceUrl = new HashMap<>();
        invoiceByEvent.forEach((event, invoice) -> {
            if (urlByInvoice.containsKey(invoice)) {
                missingAtInvoiceUrl.put(event, urlByInvoice.get(invoice));
            }
        });
        invoiceUrlEvents = missingAtInvoiceUrl.size();
        if (invoiceUrlEvents == 0 && !urlByInvoice.isEmpty()) {
            violations.add("no public event names an invoice of the workload: the invoice URL check found nothing");
        }
        while (!(missing.isEmpty() && missingAtInvoiceUrl.isEmpty()) && System.nanoTime() < deadline) {
            missing.removeAll(receiver.eventIds());
            missingAtInvoiceUrl.entrySet().removeIf(waiting -> receiver.invoiceUrlEventIds(waiting.getValue())
                    .contains(waiting.getKey()));
            Thread.sleep(1_000);
        }
        webhookEvents = invoiceByEvent.size();
        report(missing, "never delivered to the healthy endpoint");
        report(missingAtInvoiceUrl.keySet(), "never delivered to its invoice's webhook_url");
    }

    private void report(Set<String> missing, String what) {
        missing.stream().limit(20).forEach(id -> violations.add(id + ": " + what));
        if (missing.size() > 20) {
            violations.add((missing.size() - 20) + " more events " + what);
        }
    }

    long webhookEvents() {
        return webhookEvents;
    }

    /** The public events checked for a delivery to their invoice's webhook_url. */
    long invoiceUrlEvents() {
        return invoiceUrlEvents;
    }

    /** Reads every topic from the start to its end and checks the event log against the payments. */
    void checkEventLog(String bootstrapServers, List<String> topics, List<ChaosPayment> payments) {
        EventEnvelopeDeserializer envelopes = new EventEnvelopeDeserializer();
        Map<String, TreeSet<Long>> sequences = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        Set<String> capturedTransactions = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "chaos-verdict-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope envelope = envelopes.deserialize(record.topic(), record.value());
                    events++;
                    if (!eventIds.add(envelope.getEventId())) {
                        duplicates++;
                    }
                    sequences.computeIfAbsent(envelope.getAggregateId(), id -> new TreeSet<>())
                            .add(envelope.getAggregateSequence());
                    if (CAPTURED.equals(envelope.getEventType())) {
                        capturedTransactions.add(envelope.getAggregateId());
                    }
                }
            }
        }
        sequences.forEach((aggregate, seen) -> {
            if (seen.size() != seen.last() + 1) {
                violations.add(aggregate + ": events missing from Kafka (sequences " + seen + ")");
            }
        });
        for (ChaosPayment payment : payments) {
            if (payment.invoiceId != null && !sequences.containsKey(payment.invoiceId)) {
                violations.add(payment.invoiceId + ": the invoice's events are not on Kafka");
            }
            String transaction = transactionByInvoice.get(payment.invoiceId);
            if (payment.capture == Told.ACKNOWLEDGED && !capturedTransactions.contains(transaction)) {
                violations.add(payment.invoiceId + ": acknowledged capture without a captured event on Kafka");
            }
        }
    }
}
