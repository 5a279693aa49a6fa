package io.smartrouter.schemas.serde;

import io.smartrouter.schemas.registry.PublishedSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding of our records (the envelope and every domain event): 2 marker bytes {@code C3 01},
 * the writer schema's 8-byte little-endian CRC-64-AVRO fingerprint, then the binary body. Decoding finds the writer
 * schema among all published versions and resolves it to the current generated class of the same name.
 */
public final class EventPayloads {

    private static final PublishedSchemas SCHEMAS = PublishedSchemas.load();
    private static final Map<Schema, BinaryMessageEncoder<SpecificRecord>> ENCODERS = new ConcurrentHashMap<>();
    private static final Map<String, BinaryMessageDecoder<SpecificRecord>> DECODERS = new ConcurrentHashMap<>();
    private static final int HEADER_LENGTH = 10;

    private EventPayloads() {
    }

    public static byte[] encode(SpecificRecord record) {
        try {
            ByteBuffer encoded = ENCODERS.computeIfAbsent(record.getSchema(),
                    schema -> new BinaryMessageEncoder<>(SpecificData.get(), schema)).encode(record);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + record.getSchema().getFullName(), e);
        }
    }

    /**
     * Decodes a single-object-encoded record into the current class of its type.
     *
     * @throws IllegalArgumentException when the bytes are not single-object encoded, the writer schema was never
     *     published, or no class of that type exists here
     */
    public static SpecificRecord decode(ByteBuffer encoded) {
        ByteBuffer bytes = encoded.duplicate();
        Schema writer = SCHEMAS.findByFingerprint(fingerprint(bytes));
        if (writer == null) {
            throw new IllegalArgumentException("Unknown writer schema fingerprint "
                    + Long.toHexString(fingerprint(bytes)) + ": not a published Smart Router schema");
        }
        BinaryMessageDecoder<SpecificRecord> decoder = DECODERS.computeIfAbsent(writer.getFullName(),
                EventPayloads::decoderFor);
        try {
            return decoder.decode(bytes);
        } catch (BadHeaderException | MissingSchemaException e) {
            throw new IllegalArgumentException("Not a decodable Smart Router record: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Corrupt " + writer.getFullName() + " record", e);
        }
    }

    /**
     * Initializes every published record's generated class, with its encoder and decoder, on the calling thread.
     * Avro's generated classes build their models and codecs in static initializers that reach each other; when
     * several threads first touch them at once (a command appending an event while the publisher reads one), their
     * class initialization can deadlock. Services call this once at start-up, before any concurrency.
     */
    public static void initializeAll() {
        for (Schema schema : SCHEMAS.all()) {
            try {
                Class.forName(schema.getFullName(), true, EventPayloads.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("No generated class for published schema " + schema.getFullName(), e);
            }
            DECODERS.computeIfAbsent(schema.getFullName(), EventPayloads::decoderFor);
        }
    }

    /** Whether {@link #encode} and {@link #decode} know this class: a generated class of a published record. */
    public static boolean handles(Class<?> type) {
        return SpecificRecord.class.isAssignableFrom(type) && SCHEMAS.contains(type.getName());
    }

    /** The type name consumers see in {@code event_type}: the record's full Avro name. */
    public static String typeOf(SpecificRecord record) {
        return record.getSchema().getFullName();
    }

    private static long fingerprint(ByteBuffer bytes) {
        if (bytes.remaining() < HEADER_LENGTH || bytes.get(bytes.position()) != (byte) 0xC3
                || bytes.get(bytes.position() + 1) != (byte) 0x01) {
            throw new IllegalArgumentException("Not Avro single-object encoding (missing the C3 01 marker)");
        }
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(bytes.position() + 2);
    }

    @SuppressWarnings("unchecked")
    private static BinaryMessageDecoder<SpecificRecord> decoderFor(String fullName) {
        Class<?> type = SpecificData.get().getClass(SCHEMAS.versions(fullName).get(0));
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("No generated class for " + fullName);
        }
        Schema reader = SpecificData.get().getSchema(type);
        return new BinaryMessageDecoder<>(SpecificData.getForClass(type), reader, SCHEMAS);
    }
}
