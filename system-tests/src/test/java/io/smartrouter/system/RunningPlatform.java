package io.smartrouter.system;

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
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform, started once per test JVM exactly as {@code make run} starts it (the same launcher, the same
 * jars, a real Kafka broker), on free ports and a temporary data directory. Test classes get it as a parameter.
 */
public final class RunningPlatform implements ParameterResolver, AutoCloseable {

    public static final String DEMO_PROJECT = "test-proj_demo";
    public static final String DEMO_SECRET = "key_test_demo";
    public static final String OTHER_PROJECT = "test-proj_other";
    public static final String OTHER_SECRET = "key_test_other";
    public static final String OPERATOR_TOKEN = "op_local_dev";
    private static final String OTHER_SECRET_HASH = "019562e12ab59d9fcac112761c89e26b0bd349482f8eeb330b37ab971b620389";

    private LocalPlatform platform;
    private Path dataDir;
    private Map<String, Integer> ports = Map.of();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPlatform.class, key -> start(), RunningPlatform.class);
    }

    private static RunningPlatform start() {
        RunningPlatform running = new RunningPlatform();
        try {
            running.dataDir = Files.createTempDirectory("smartrouter-system-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path root = LocalPlatform.repoRoot(Path.of(""));
        PlatformConfig defaults = PlatformConfig.defaults(root, Map.of());
        Map<String, Integer> ports = new LinkedHashMap<>();
        defaults.services().forEach(service -> ports.put(service.module(), freePort()));
        PlatformConfig config = defaults.on(running.dataDir, freePort(), freePort(), ports, List.of(
                "--smartrouter.gateway.projects[" + OTHER_PROJECT + "].name=Other sandbox project",
                "--smartrouter.gateway.projects[" + OTHER_PROJECT + "].secret-key-hash=" + OTHER_SECRET_HASH));
        running.ports = ports;
        running.platform = new LocalPlatform(config);
        try {
            running.platform.start();
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    /** Where the platform keeps its data (and its local secrets). */
    public Path dataDir() {
        return dataDir;
    }

    /** A service's own URL, bypassing the gateway: for operator commands only. */
    public String serviceUrl(String module) {
        return "http://127.0.0.1:" + ports.get(module);
    }

    /** A browser-style client: the project id as the public key, no secret. */
    public ApiClient demoPublicKey() {
        return new ApiClient(gatewayUrl(), DEMO_PROJECT, "");
    }

    public LocalPlatform platform() {
        return platform;
    }

    public String gatewayUrl() {
        return platform.gatewayUrl();
    }

    public String kafkaBootstrapServers() {
        return platform.kafka().bootstrapServers();
    }

    public ApiClient demo() {
        return new ApiClient(gatewayUrl(), DEMO_PROJECT, DEMO_SECRET);
    }

    public ApiClient other() {
        return new ApiClient(gatewayUrl(), OTHER_PROJECT, OTHER_SECRET);
    }

    public ApiClient as(String project, String key) {
        return new ApiClient(gatewayUrl(), project, key);
    }

    /** The operator of the embedded default (bearer {@code op_local_dev}): the gateway's admin API. */
    public ApiClient operator() {
        return ApiClient.withAuthorization(gatewayUrl(), "Bearer " + OPERATOR_TOKEN);
    }

    /** A client sending this Authorization header as is. */
    public ApiClient withAuthorization(String authorization) {
        return ApiClient.withAuthorization(gatewayUrl(), authorization);
    }

    /** A new sandbox project made with the admin API; its secret key, and its public key. */
    public Project newProject(String name) {
        var created = operator().post("/admin/projects", "{\"name\":\"" + name + "\",\"sandbox\":true}");
        if (created.status() != 200) {
            throw new IllegalStateException("Creating a project failed: " + created.raw().body());
        }
        String id = created.text("/project/id");
        return new Project(id, new ApiClient(gatewayUrl(), id, created.text("/secret_key")),
                new ApiClient(gatewayUrl(), id, ""));
    }

    /** A project made by {@link #newProject}. */
    public record Project(String id, ApiClient secret, ApiClient publicKey) {
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
