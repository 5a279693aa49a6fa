package io.smartrouter.platform.events;

import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventPayloads;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Builds the Kafka envelope of a stored domain event. Deterministic: republishing yields the same event id. */
public final class EventEnvelopes {

    public static final String EVENT_ID_PREFIX = "ev_";

    private EventEnvelopes() {
    }

    public static EventEnvelope toEnvelope(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof SpecificRecord payload)) {
            throw new IllegalStateException("Event " + event.getPayloadType().getName()
                    + " is not an Avro record of the schemas module and cannot be published");
        }
        MetaData metadata = event.getMetaData();
        return EventEnvelope.newBuilder()
                .setEventId(EVENT_ID_PREFIX + event.getIdentifier())
                .setEventType(EventPayloads.typeOf(payload))
                .setAggregateType(event.getType())
                .setAggregateId(event.getAggregateIdentifier())
                .setAggregateSequence(event.getSequenceNumber())
                .setProjectId(projectId(payload, metadata))
                .setOccurredAt(event.getTimestamp())
                .setCorrelationId(text(metadata.get(EventMetadata.CORRELATION_ID)))
                .setCausationId(text(metadata.get(EventMetadata.CAUSATION_ID)))
                .setTraceparent(text(metadata.get(EventMetadata.TRACEPARENT)))
                .setPayload(ByteBuffer.wrap(EventPayloads.encode(payload)))
                .build();
    }

    /** From the metadata, else from the payload's {@code project_id} field; every event belongs to a project. */
    private static String projectId(SpecificRecord payload, MetaData metadata) {
        String fromMetadata = text(metadata.get(EventMetadata.PROJECT_ID));
        if (fromMetadata != null) {
            return fromMetadata;
        }
        Schema.Field field = payload.getSchema().getField("project_id");
        if (field != null && payload.get(field.pos()) != null) {
            return payload.get(field.pos()).toString();
        }
        throw new IllegalStateException("Event " + payload.getSchema().getFullName() + " carries no project id");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
