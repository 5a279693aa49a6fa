package io.smartrouter.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.serde.EventPayloads;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class EventEnvelopesTests {

    static final Instant CREATED = Instant.parse("2026-11-24T10:00:00.123Z");
    static final InvoiceCreatedEvent CREATED_EVENT = InvoiceCreatedEvent.newBuilder()
            .setInvoiceId("iv_aaaaaaaaaaaaaaaaaaaaaaaaaa").setProjectId("test-proj_demo").setName("Order")
            .setAmount(1000).setCurrency("USD").setCreatedAt(CREATED).build();

    @Test
    void carriesEveryMetadataFieldAndThePayload() {
        var message = new GenericDomainEventMessage<>("Invoice", "iv_aaaaaaaaaaaaaaaaaaaaaaaaaa", 3, CREATED_EVENT,
                MetaData.from(Map.of(EventMetadata.PROJECT_ID, "test-proj_demo", EventMetadata.CORRELATION_ID, "req-1",
                        EventMetadata.CAUSATION_ID, "cmd-1", EventMetadata.TRACEPARENT, "00-trace")),
                "msg1", CREATED);

        var envelope = EventEnvelopes.toEnvelope(message);

        assertThat(envelope.getEventId()).isEqualTo("ev_msg1");
        assertThat(envelope.getEventType()).isEqualTo(InvoiceCreatedEvent.getClassSchema().getFullName());
        assertThat(envelope.getAggregateType()).isEqualTo("Invoice");
        assertThat(envelope.getAggregateId()).isEqualTo("iv_aaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(envelope.getAggregateSequence()).isEqualTo(3);
        assertThat(envelope.getProjectId()).isEqualTo("test-proj_demo");
        assertThat(envelope.getOccurredAt()).isEqualTo(CREATED);
        assertThat(envelope.getCorrelationId()).isEqualTo("req-1");
        assertThat(envelope.getCausationId()).isEqualTo("cmd-1");
        assertThat(envelope.getTraceparent()).isEqualTo("00-trace");
        assertThat(EventPayloads.decode(envelope.getPayload())).isEqualTo(CREATED_EVENT);
    }

    @Test
    void isTheSameEveryTimeTheEventIsPublished() {
        var message = new GenericDomainEventMessage<>("Invoice", "iv_x", 0, CREATED_EVENT, MetaData.emptyInstance(),
                "msg2", CREATED);
        assertThat(EventEnvelopes.toEnvelope(message)).isEqualTo(EventEnvelopes.toEnvelope(message));
    }

    @Test
    void takesTheProjectFromThePayloadWhenMetadataLacksIt() {
        var message = new GenericDomainEventMessage<>("Invoice", "iv_x", 0, CREATED_EVENT, MetaData.emptyInstance(),
                "msg3", CREATED);
        assertThat(EventEnvelopes.toEnvelope(message).getProjectId()).isEqualTo("test-proj_demo");
        assertThat(EventEnvelopes.toEnvelope(message).getCorrelationId()).isNull();
    }

    @Test
    void refusesEventsThatAreNotAvroRecords() {
        var message = new GenericDomainEventMessage<>("Invoice", "iv_x", 0, "a string", MetaData.emptyInstance());
        assertThatThrownBy(() -> EventEnvelopes.toEnvelope(message)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an Avro record");
    }
}
