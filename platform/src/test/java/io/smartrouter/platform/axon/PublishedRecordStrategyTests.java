package io.smartrouter.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.registry.PublishedSchemas;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.avro.AvroSerializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

class PublishedRecordStrategyTests {

    private static final InvoiceCreatedEvent EVENT = InvoiceCreatedEvent.newBuilder()
            .setInvoiceId("iv_aaaaaaaaaaaaaaaaaaaaaaaaaa").setProjectId("test-proj_demo").setName("Order")
            .setAmount(1000).setCurrency("KWD").setCreatedAt(Instant.parse("2026-12-07T10:00:00.123Z")).build();

    private final AvroSerializer axons = serializer(false);
    private final AvroSerializer ours = serializer(true);

    @Test
    void writesWhatAxonsOwnStrategyWritesAndEachReadsWhatTheOtherWrote() {
        SerializedObject<byte[]> mine = ours.serialize(EVENT, byte[].class);
        SerializedObject<byte[]> theirs = axons.serialize(EVENT, byte[].class);

        assertThat(mine.getData()).isEqualTo(theirs.getData());
        assertThat(mine.getType()).isEqualTo(theirs.getType());
        assertThat(ours.<byte[], InvoiceCreatedEvent>deserialize(theirs)).isEqualTo(EVENT);
        assertThat(axons.<byte[], InvoiceCreatedEvent>deserialize(mine)).isEqualTo(EVENT);
    }

    @Test
    void anEventStoredUnderTheFirstPublishedVersionLoadsIntoTheCurrentClass() throws Exception {
        Schema first = PublishedSchemas.load().versions(InvoiceCreatedEvent.getClassSchema().getFullName()).get(0);
        assertThat(first).isNotEqualTo(InvoiceCreatedEvent.getClassSchema());
        GenericRecord written = new GenericData.Record(first);
        for (Schema.Field field : first.getFields()) {
            Object value = EVENT.get(field.name());
            written.put(field.name(), value instanceof Instant at ? at.toEpochMilli() : value);
        }
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(written);

        InvoiceCreatedEvent read = ours.deserialize(stored(bytes.array()));

        assertThat(read.getInvoiceId()).isEqualTo(EVENT.getInvoiceId());
        assertThat(read.getAmount()).isEqualTo(1000);
        assertThat(read.getCreatedAt()).isEqualTo(EVENT.getCreatedAt());
    }

    @Test
    void storedBytesThatAreNotAPublishedRecordAreASerializationFailure() {
        byte[] bytes = ours.serialize(EVENT, byte[].class).getData();
        bytes[3] ^= 0x7f; // the writer schema's fingerprint

        assertThatThrownBy(() -> ours.deserialize(stored(bytes))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown writer schema fingerprint");
    }

    @Test
    void handlesOnlyGeneratedClassesOfPublishedRecords() {
        var strategy = new PublishedRecordStrategy(PublishedSchemas.load(), new AnnotationRevisionResolver());

        assertThat(strategy.test(InvoiceCreatedEvent.class)).isTrue();
        assertThat(strategy.test(GenericData.Record.class)).isFalse();
        assertThat(strategy.test(String.class)).isFalse();
    }

    private static SerializedObject<byte[]> stored(byte[] bytes) {
        return new SimpleSerializedObject<>(bytes, byte[].class,
                new SimpleSerializedType(InvoiceCreatedEvent.class.getCanonicalName(), null));
    }

    private static AvroSerializer serializer(boolean withOurStrategy) {
        var revisions = new AnnotationRevisionResolver();
        var builder = AvroSerializer.builder().schemaStore(PublishedSchemas.load()).revisionResolver(revisions)
                .serializerDelegate(Jackson3Serializer.builder().build());
        if (withOurStrategy) {
            builder.addSerializerStrategy(new PublishedRecordStrategy(PublishedSchemas.load(), revisions));
        }
        return builder.build();
    }
}
