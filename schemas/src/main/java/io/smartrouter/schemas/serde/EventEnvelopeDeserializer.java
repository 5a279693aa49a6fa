package io.smartrouter.schemas.serde;

import io.smartrouter.schemas.envelope.EventEnvelope;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for {@link EventEnvelope} values written under any published version of the envelope schema.
 * Undecodable values raise a {@link SerializationException} (without their bytes) for the consumer's error handler.
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            if (EventPayloads.decode(ByteBuffer.wrap(data)) instanceof EventEnvelope envelope) {
                return envelope;
            }
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Undecodable event on " + topic + ": " + e.getMessage(), e);
        }
        throw new SerializationException("The value on " + topic + " is a record but not an EventEnvelope");
    }
}
