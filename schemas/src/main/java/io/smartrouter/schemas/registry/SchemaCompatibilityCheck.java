package io.smartrouter.schemas.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;

/**
 * The build's guard on the event contract, run at {@code process-classes} (so even {@code -DskipTests} builds run
 * it). It fails the build when a schema in {@code src/main/avro} differs from its newest published version (publish
 * the change as a new version file), when a published version is not compatible in both directions with every
 * earlier version of the same record, or when {@code index.txt} and the published files disagree.
 */
public final class SchemaCompatibilityCheck {

    private SchemaCompatibilityCheck() {
    }

    /** Everything wrong with {@code current} against {@code published}; empty when the contract holds. */
    public static List<String> problems(PublishedSchemas published, Collection<Schema> current) {
        List<String> problems = new ArrayList<>();
        for (Schema schema : current) {
            List<Schema> versions = published.versions(schema.getFullName());
            if (versions.isEmpty()) {
                problems.add(schema.getFullName() + " is not published: add published/" + schema.getFullName()
                        + "/v1.avsc and list it in index.txt");
            } else if (!canonical(versions.get(versions.size() - 1)).equals(canonical(schema))) {
                problems.add(schema.getFullName() + " differs from its newest published version v" + versions.size()
                        + ": publish it as v" + (versions.size() + 1) + ".avsc (and list it in index.txt)");
            }
        }
        for (Map.Entry<String, List<Schema>> record : published.versionsByName().entrySet()) {
            List<Schema> versions = record.getValue();
            for (int newer = 1; newer < versions.size(); newer++) {
                for (int older = 0; older < newer; older++) {
                    incompatibility(versions.get(older), versions.get(newer)).ifPresent(why -> problems.add(
                            record.getKey() + ": " + why));
                }
            }
        }
        return problems;
    }

    /** Why two versions cannot read each other's data, if they cannot. */
    static Optional<String> incompatibility(Schema older, Schema newer) {
        var newReadsOld = SchemaCompatibility.checkReaderWriterCompatibility(newer, older);
        if (newReadsOld.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return Optional.of("a newer version cannot read data written by an older one (not backward "
                    + "compatible): " + newReadsOld.getResult().getIncompatibilities());
        }
        var oldReadsNew = SchemaCompatibility.checkReaderWriterCompatibility(older, newer);
        if (oldReadsNew.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return Optional.of("an older version cannot read data written by a newer one (not forward "
                    + "compatible): " + oldReadsNew.getResult().getIncompatibilities());
        }
        return Optional.empty();
    }

    /** Checks the module's source tree. Argument: the module's base directory. */
    public static void main(String[] args) {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path avro = module.resolve("src/main/avro");
        Path publishedDir = module.resolve("src/main/resources").resolve(PublishedSchemas.ROOT);
        List<String> problems = new ArrayList<>();

        List<String> listed = read(publishedDir.resolve(PublishedSchemas.INDEX)).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(publishedDir)) {
            files.filter(file -> file.toString().endsWith(".avsc"))
                    .forEach(file -> onDisk.add(publishedDir.relativize(file).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!onDisk.equals(new TreeSet<>(listed))) {
            problems.add("index.txt lists " + new TreeSet<>(listed) + " but the published files are " + onDisk);
        }
        List<Schema> published = new ArrayList<>();
        for (String entry : listed) {
            Schema schema = PublishedSchemas.parse(read(publishedDir.resolve(entry)));
            if (!entry.startsWith(schema.getFullName() + "/v")) {
                problems.add(entry + " holds " + schema.getFullName() + ", not the record its directory names");
            }
            published.add(schema);
        }
        List<Schema> current = new ArrayList<>();
        try (Stream<Path> files = Files.list(avro)) {
            files.filter(file -> file.toString().endsWith(".avsc")).sorted()
                    .forEach(file -> current.add(PublishedSchemas.parse(read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.addAll(problems(PublishedSchemas.of(published), current));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The event schemas break the published contract:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private static String canonical(Schema schema) {
        return SchemaNormalization.toParsingForm(schema);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
