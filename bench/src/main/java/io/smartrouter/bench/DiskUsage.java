package io.smartrouter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the platform's data directory holds at the end of a run, by service (each service's database, the broker's
 * log, the logs): the H2 files grow with every commit unless compacted (ADR 0018), so the report shows them.
 */
final class DiskUsage {

    private DiskUsage() {
    }

    /** Bytes under each directory of {@code dataDir}, largest first; plain files at its top are left out. */
    static Map<String, Long> byDirectory(Path dataDir) {
        try (Stream<Path> entries = Files.list(dataDir)) {
            Map<String, Long> bytes = new LinkedHashMap<>();
            entries.filter(Files::isDirectory)
                    .map(directory -> Map.entry(directory.getFileName().toString(), size(directory)))
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .forEach(entry -> bytes.put(entry.getKey(), entry.getValue()));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(DiskUsage::sizeOf).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's size; zero when it went away meanwhile (the broker deletes old log segments). */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }
}
