package io.smartrouter.platform.testing;

import io.smartrouter.platform.events.EventEnvelopes;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventEnvelopeSerializer;
import io.smartrouter.schemas.serde.EventPayloads;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Test fixture: plays another service, publishing its events to a topic exactly as its publisher would (an envelope
 * keyed by aggregate id), so a consumer can be tested without running that service.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, EventEnvelope> producer;
    private final String topic;

    public TopicWriter(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventEnvelopeSerializer());
        this.topic = topic;
    }

    /** Publishes {@code event} of aggregate {@code aggregateId} and answers the envelope sent (to send it again). */
    public EventEnvelope publish(String aggregateType, String aggregateId, long sequence, String projectId,
            SpecificRecord event) {
        EventEnvelope envelope = EventEnvelope.newBuilder()
                .setEventId(Ids.newId(EventEnvelopes.EVENT_ID_PREFIX))
                .setEventType(EventPayloads.typeOf(event))
                .setAggregateType(aggregateType)
                .setAggregateId(aggregateId)
                .setAggregateSequence(sequence)
                .setProjectId(projectId)
                .setOccurredAt(Instant.now())
                .setPayload(ByteBuffer.wrap(EventPayloads.encode(event)))
                .build();
        return send(envelope);
    }

    /** Sends an envelope as is, e.g. a second time to test an idempotent consumer. */
    public EventEnvelope send(EventEnvelope envelope) {
        try {
            producer.send(new ProducerRecord<>(topic, envelope.getAggregateId(), envelope)).get();
            return envelope;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
