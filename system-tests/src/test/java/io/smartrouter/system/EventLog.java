package io.smartrouter.system;

import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventEnvelopeDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A downstream team's reader of one topic, from the beginning, keeping the raw bytes of every value. */
final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private final EventEnvelopeDeserializer envelopes = new EventEnvelopeDeserializer();

    EventLog(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code done} holds for everything read so far; fails after {@code timeout}. */
    List<ConsumerRecord<String, byte[]>> readUntil(Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " reading events; read " + seen.size());
            }
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        return envelopes.deserialize(record.topic(), record.value());
    }

    static boolean hasKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().anyMatch(record -> key.equals(record.key()));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
