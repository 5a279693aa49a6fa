package io.smartrouter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the benchmark measures and reports the size of the platform's data directory. */
class DiskUsageTests {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void sumsEachDirectoryWithItsSubdirectoriesLargestFirstAndLeavesOutTopLevelFiles() throws Exception {
        Files.createDirectories(dataDir.resolve("kafka/invoices-0"));
        Files.write(dataDir.resolve("kafka/invoices-0/00000.log"), new byte[MIB]);
        Files.write(dataDir.resolve("kafka/meta.properties"), new byte[MIB / 2]);
        Files.createDirectories(dataDir.resolve("payment-service"));
        Files.write(dataDir.resolve("payment-service/payment-service.mv.db"), new byte[3 * MIB]);
        Files.write(dataDir.resolve("internal-secret"), new byte[43]);

        var bytes = DiskUsage.byDirectory(dataDir);

        assertThat(bytes).containsExactly(entry("payment-service", 3L * MIB),
                entry("kafka", 3L * MIB / 2));
        assertThat(Report.inMib(bytes)).isEqualTo("5 MiB in all (payment-service 3 MiB, kafka 2 MiB)");
    }
}
