package io.smartrouter.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.registry.PublishedSchemas;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** The mechanism behind old-version decoding: the published store resolves a writer schema the class does not have. */
class SchemaEvolutionTests {

    @Test
    void dataWrittenUnderAnotherPublishedVersionDecodesIntoTheCurrentClass() throws Exception {
        Schema otherVersion = PublishedSchemas.parse("""
                {"type":"record","name":"InvoiceCreatedEvent","namespace":"io.smartrouter.schemas.invoice","fields":[
                 {"name":"invoice_id","type":"string"},{"name":"project_id","type":"string"},
                 {"name":"name","type":"string"},{"name":"amount","type":"long"},{"name":"currency","type":"string"},
                 {"name":"created_at","type":{"type":"long","logicalType":"timestamp-millis"}},
                 {"name":"channel","type":"string","default":"api"}]}
                """);
        GenericRecord written = new GenericData.Record(otherVersion);
        written.put("invoice_id", "iv_1");
        written.put("project_id", "test-proj_demo");
        written.put("name", "Order");
        written.put("amount", 1500L);
        written.put("currency", "KWD");
        written.put("created_at", 1_795_000_000_000L);
        written.put("channel", "pos");
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), otherVersion).encode(written);

        var store = PublishedSchemas.of(List.of(otherVersion, InvoiceCreatedEvent.getClassSchema()));
        var decoder = new BinaryMessageDecoder<InvoiceCreatedEvent>(SpecificData.get(),
                InvoiceCreatedEvent.getClassSchema(), store);
        InvoiceCreatedEvent read = decoder.decode(bytes);

        assertThat(read.getAmount()).isEqualTo(1500L);
        assertThat(read.getCurrency()).isEqualTo("KWD");
        assertThat(read.getCreatedAt()).isEqualTo(Instant.ofEpochMilli(1_795_000_000_000L));
    }

    @Test
    void everyPublishedRecordHasAGeneratedClassToInitialize() {
        EventPayloads.initializeAll();
        assertThat(EventPayloads.decode(ByteBuffer.wrap(EventPayloads.encode(EventEnvelopeSerdeTests.EVENT))))
                .isEqualTo(EventEnvelopeSerdeTests.EVENT);
    }

    @Test
    void thePublishedStoreHoldsTheCurrentSchemas() {
        var store = PublishedSchemas.load();
        assertThat(store.versions("io.smartrouter.schemas.invoice.InvoiceCreatedEvent")).isNotEmpty();
        assertThat(store.versions("io.smartrouter.schemas.envelope.EventEnvelope")).isNotEmpty();
        assertThat(store.findByFingerprint(SchemaNormalization.parsingFingerprint64(
                InvoiceCreatedEvent.getClassSchema()))).isNotNull();
    }
}
