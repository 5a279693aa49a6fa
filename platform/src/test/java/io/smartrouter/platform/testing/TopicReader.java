package io.smartrouter.platform.testing;

import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventEnvelopeDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Test fixture: reads one of the platform's topics from the beginning, as a downstream team would. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, EventEnvelope> consumer;
    private final List<ConsumerRecord<String, EventEnvelope>> seen = new ArrayList<>();
    private final String topic;

    public TopicReader(String bootstrapServers, String topic, String groupId) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new EventEnvelopeDeserializer());
        consumer.subscribe(List.of(topic));
        this.topic = topic;
    }

    /** Polls until {@code done} holds for the records seen so far, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, EventEnvelope>> pollUntil(
            Predicate<List<ConsumerRecord<String, EventEnvelope>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for events on " + topic + "; saw " + seen.size());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
