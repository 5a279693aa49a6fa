package io.smartrouter.bench;

import io.smartrouter.deploy.LocalPlatform;
import io.smartrouter.deploy.PlatformConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform exactly as {@code make run} starts it (the same launcher and jars, a real Kafka broker), on free ports
 * and a fresh temporary data directory that is deleted afterwards, so that every run starts from an empty event store.
 */
final class FreshPlatform implements AutoCloseable {

    static final String DEMO_PROJECT = "test-proj_demo";
    static final String DEMO_SECRET = "key_test_demo";

    private final Path dataDir;
    private final LocalPlatform platform;

    private FreshPlatform(Path dataDir, LocalPlatform platform) {
        this.dataDir = dataDir;
        this.platform = platform;
    }

    static FreshPlatform start(Path repoRoot) throws IOException {
        Path dataDir = Files.createTempDirectory("smartrouter-bench-");
        PlatformConfig defaults = PlatformConfig.defaults(repoRoot, Map.of());
        Map<String, Integer> ports = new LinkedHashMap<>();
        defaults.services().forEach(service -> ports.put(service.module(), freePort()));
        LocalPlatform platform = new LocalPlatform(defaults.on(dataDir, freePort(), freePort(), ports, List.of()));
        FreshPlatform fresh = new FreshPlatform(dataDir, platform);
        // Ctrl-C or a TERM during a run stops the services too (closing twice is harmless); only a kill -9 of this JVM
        // leaves them behind.
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "smartrouter-bench-shutdown"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        return fresh;
    }

    Path dataDir() {
        return dataDir;
    }

    LocalPlatform platform() {
        return platform;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        platform.close();
        if (Boolean.parseBoolean(System.getenv("SMARTROUTER_KEEP_DATA"))) {
            return; // kept for a post-mortem: the services' logs are in <data>/logs
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
