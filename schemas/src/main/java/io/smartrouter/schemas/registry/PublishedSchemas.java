package io.smartrouter.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every schema version ever published, shipped in this jar, looked up by CRC-64-AVRO fingerprint. This is what lets a
 * reader decode values written under any older schema without a schema-registry server. The versions live under
 * {@value #ROOT} as {@code <full.Name>/v<N>.avsc}, listed oldest first in {@code index.txt}.
 */
public final class PublishedSchemas implements SchemaStore {

    public static final String ROOT = "io/smartrouter/schemas/published/";
    public static final String INDEX = "index.txt";

    private static final PublishedSchemas CLASSPATH = fromClasspath();

    private final Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
    private final Map<String, List<Schema>> versionsByName = new LinkedHashMap<>();

    private PublishedSchemas(List<Schema> schemasOldestFirst) {
        for (Schema schema : schemasOldestFirst) {
            byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
            versionsByName.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>()).add(schema);
        }
    }

    /** The published schemas of this jar. */
    public static PublishedSchemas load() {
        return CLASSPATH;
    }

    /** A store of the given versions, oldest first per record (tests and the compatibility check). */
    public static PublishedSchemas of(List<Schema> schemasOldestFirst) {
        return new PublishedSchemas(schemasOldestFirst);
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** Every version of one record, oldest first; empty when it was never published. */
    public List<Schema> versions(String fullName) {
        return List.copyOf(versionsByName.getOrDefault(fullName, List.of()));
    }

    /** Whether a record of this name was ever published. */
    public boolean contains(String fullName) {
        return versionsByName.containsKey(fullName);
    }

    public Collection<Schema> all() {
        return List.copyOf(byFingerprint.values());
    }

    Map<String, List<Schema>> versionsByName() {
        return versionsByName;
    }

    /** Parses one schema file on its own (every published file is self-contained). */
    public static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    private static PublishedSchemas fromClasspath() {
        List<Schema> schemas = new ArrayList<>();
        for (String entry : read(ROOT + INDEX).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            schemas.add(parse(read(ROOT + entry)));
        }
        return new PublishedSchemas(schemas);
    }

    private static String read(String resource) {
        try (InputStream in = PublishedSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing published schema resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
