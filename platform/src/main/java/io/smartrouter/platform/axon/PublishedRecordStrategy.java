package io.smartrouter.platform.axon;

import io.smartrouter.schemas.registry.PublishedSchemas;
import io.smartrouter.schemas.serde.EventPayloads;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.avro.AvroSerializerStrategy;
import org.axonframework.serialization.avro.AvroSerializerStrategyConfig;
import org.axonframework.serialization.avro.DefaultSchemaIncompatibilityChecker;
import org.axonframework.serialization.avro.SpecificRecordBaseSerializerStrategy;

/**
 * How Axon's Avro serializer writes and reads our published records in the event store: through {@link EventPayloads},
 * which keeps one encoder per schema and one decoder per record. The same single-object encoding as Axon's own
 * strategy, byte for byte, so either reads what the other wrote.
 *
 * <p>Axon's strategy builds a new encoder for every event it writes and a new decoder for every event it reads, and
 * with each the parsing canonical form of the schemas involved (a string of the whole schema) to fingerprint them: once
 * per write, four times per read counting its compatibility check: about 57 KB for a small event written and read,
 * against 1.4 KB here. The check itself is the build's ({@code SchemaCompatibilityCheck}): every published version of
 * a record must be readable by the current one. Generic records (from upcasters, which we do not have) still go to
 * Axon's.
 */
public class PublishedRecordStrategy implements AvroSerializerStrategy {

    private final RevisionResolver revisions;
    private final SpecificRecordBaseSerializerStrategy generic;

    public PublishedRecordStrategy(PublishedSchemas schemas, RevisionResolver revisions) {
        this.revisions = revisions;
        this.generic = new SpecificRecordBaseSerializerStrategy(schemas, revisions,
                new DefaultSchemaIncompatibilityChecker());
    }

    @Override
    public boolean test(Class<?> type) {
        return EventPayloads.handles(type);
    }

    @Override
    public SerializedObject<byte[]> serializeToSingleObjectEncoded(Object object) {
        if (!(object instanceof SpecificRecord record) || !test(object.getClass())) {
            throw new SerializationException("Not a published Smart Router record: " + object.getClass().getName());
        }
        Class<?> type = object.getClass();
        return new SimpleSerializedObject<>(EventPayloads.encode(record), byte[].class,
                new SimpleSerializedType(type.getCanonicalName(), revisions.revisionOf(type)));
    }

    @Override
    public <T> T deserializeFromSingleObjectEncoded(SerializedObject<byte[]> serialized, Class<T> type) {
        Object record;
        try {
            record = EventPayloads.decode(ByteBuffer.wrap(serialized.getData()));
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Could not read a stored " + type.getName() + ": " + e.getMessage(), e);
        }
        if (!type.isInstance(record)) {
            throw new SerializationException("A stored " + type.getName() + " holds a " + record.getClass().getName());
        }
        return type.cast(record);
    }

    @Override
    public <T> T deserializeFromGenericRecord(SerializedObject<GenericRecord> serialized, Class<T> type) {
        return generic.deserializeFromGenericRecord(serialized, type);
    }

    @Override
    public void applyConfig(AvroSerializerStrategyConfig config) {
        generic.applyConfig(config);
    }
}
