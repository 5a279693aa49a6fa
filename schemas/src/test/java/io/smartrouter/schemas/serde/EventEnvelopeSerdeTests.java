package io.smartrouter.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventEnvelopeSerdeTests {

    static final Instant AT = Instant.parse("2026-11-24T10:15:30.123Z");
    static final InvoiceCreatedEvent EVENT = InvoiceCreatedEvent.newBuilder().setInvoiceId("iv_abc")
            .setProjectId("test-proj_demo").setName("Order 1").setAmount(1000).setCurrency("USD").setCreatedAt(AT)
            .build();
    static final EventEnvelope ENVELOPE = EventEnvelope.newBuilder().setEventId("ev_123").setEventType(
            EventPayloads.typeOf(EVENT)).setAggregateType("Invoice").setAggregateId("iv_abc").setAggregateSequence(4)
            .setProjectId("test-proj_demo").setOccurredAt(AT).setCorrelationId("req-1").setCausationId("cmd-1")
            .setTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .setPayload(ByteBuffer.wrap(EventPayloads.encode(EVENT))).build();

    private final EventEnvelopeSerializer serializer = new EventEnvelopeSerializer();
    private final EventEnvelopeDeserializer deserializer = new EventEnvelopeDeserializer();

    @Test
    void roundTripsEveryField() {
        EventEnvelope decoded = deserializer.deserialize("t", serializer.serialize("t", ENVELOPE));

        assertThat(decoded).isEqualTo(ENVELOPE);
        assertThat(decoded.getEventType()).isEqualTo("io.smartrouter.schemas.invoice.InvoiceCreatedEvent");
        assertThat(EventPayloads.decode(decoded.getPayload())).isEqualTo(EVENT);
    }

    @Test
    void writesTheSingleObjectHeaderOfTheEnvelopeSchema() {
        byte[] bytes = serializer.serialize("t", ENVELOPE);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(EventEnvelope.getClassSchema()));
    }

    @Test
    void refusesValuesItCannotDecodeWithoutEchoingThem() {
        byte[] unknownSchema = serializer.serialize("t", ENVELOPE);
        unknownSchema[5] ^= 0x55;
        byte[] truncated = Arrays.copyOf(serializer.serialize("t", ENVELOPE), 12);

        assertThatThrownBy(() -> deserializer.deserialize("t", unknownSchema))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown writer schema");
        assertThatThrownBy(() -> deserializer.deserialize("t", "4242424242424242".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageNotContaining("4242");
        assertThatThrownBy(() -> deserializer.deserialize("t", truncated)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", EventPayloads.encode(EVENT)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not an EventEnvelope");
        assertThat(deserializer.deserialize("t", null)).isNull();
    }
}
