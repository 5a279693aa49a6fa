package io.smartrouter.schemas.serde;

import io.smartrouter.schemas.envelope.EventEnvelope;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for {@link EventEnvelope} values: Avro single-object encoding. */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, EventEnvelope envelope) {
        return envelope == null ? null : EventPayloads.encode(envelope);
    }
}
