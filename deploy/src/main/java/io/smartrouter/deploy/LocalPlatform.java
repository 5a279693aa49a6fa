package io.smartrouter.deploy;

import io.smartrouter.schemas.Topics;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole platform on one machine, as {@code make run} starts it: a Kafka broker, its topics, and every service as
 * its own JVM, health-checked. Tests use the same class on other ports and a temporary data directory.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Small heaps for a laptop. Only the C1 JIT compiler ({@code TieredStopAtLevel=1}): six JVMs share the machine, and
     * C2's compilations took most of the CPU for minutes under load; measured with {@code make bench} on 2 cores, C1
     * alone doubled the steady CIT flows per second and reached them sooner (see the README's "Measured"). A 64 MB young
     * generation: with the default (a third of the 64 MB initial heap) enough was promoted under load for full
     * collections to run; with 64 MB, profiles showed none, and half the collectors' share of the CPU (ADR 0017).
     * Axon's update checker off (it phones home every minute and fails offline).
     */
    private static final String DEFAULT_JVM_OPTIONS = "-Xms64m -Xmn64m -Xmx320m -XX:+UseSerialGC -Xss512k "
            + "-XX:TieredStopAtLevel=1 -Djava.awt.headless=true -Daxoniq.update-checker.disabled=true";
    /** The PSP simulator keeps a little state in memory only: a smaller heap (the last -Xms and -Xmx win). */
    private static final String SIMULATOR_HEAP = "-Xms64m -Xmx128m";

    private final PlatformConfig config;
    private final KafkaBroker kafka;
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean closed;

    public LocalPlatform(PlatformConfig config) {
        this.config = config;
        this.kafka = new KafkaBroker(config);
        String internalSecret = localSecret(config.dataDir(), "internal-secret");
        String serviceSecret = localSecret(config.dataDir(), "service-secret");
        List<String> jvmOptions = serviceJvmOptions();
        for (PlatformConfig.Service service : config.services()) {
            if (service.module().equals(PlatformConfig.SIMULATOR)) {
                // A stand-in for external PSPs: no Kafka, no data directory, no platform secrets.
                List<String> options = new ArrayList<>(jvmOptions);
                options.addAll(List.of(SIMULATOR_HEAP.split(" ")));
                services.put(service.module(), new ChildProcess(service.module(), ChildProcess.java(options,
                        List.of("-jar", service.jar(config.repoRoot()).toString(), "--server.port=" + service.port())),
                        Map.of(), config.dataDir().resolve("logs").resolve(service.module() + ".log")));
                continue;
            }
            List<String> arguments = new ArrayList<>(List.of("-jar", service.jar(config.repoRoot()).toString(),
                    "--server.port=" + service.port(),
                    "--smartrouter.data-dir=" + config.dataDir(),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
            if (service.module().equals(PlatformConfig.GATEWAY)) {
                config.services().stream().filter(other -> other.routeName() != null).forEach(other -> arguments.add(
                        "--smartrouter.gateway.services." + other.routeName() + "=http://127.0.0.1:" + other.port()));
                arguments.addAll(config.extraGatewayArgs());
            }
            if (service.module().equals(PlatformConfig.INVOICE)) {
                addUrl(arguments, "smartrouter.invoice.vault-url", PlatformConfig.VAULT, "127.0.0.1");
            }
            if (service.module().equals(PlatformConfig.PAYMENT)) {
                addUrl(arguments, "smartrouter.payment.vault-url", PlatformConfig.VAULT, "127.0.0.1");
                addUrl(arguments, "smartrouter.payment.invoice-url", PlatformConfig.INVOICE, "127.0.0.1");
                // The 3-D Secure challenge pages customers are sent to are on the public gateway.
                addUrl(arguments, "smartrouter.payment.public-url", PlatformConfig.GATEWAY, "localhost");
                addUrl(arguments, "smartrouter.payment.simulator.url", PlatformConfig.SIMULATOR, "127.0.0.1");
            }
            // The gateway signs what it forwards; only services hold the secret of service-to-service calls.
            Map<String, String> secrets = service.module().equals(PlatformConfig.GATEWAY)
                    ? Map.of("SMARTROUTER_INTERNAL_SECRET", internalSecret)
                    : Map.of("SMARTROUTER_INTERNAL_SECRET", internalSecret, "SMARTROUTER_SERVICE_SECRET", serviceSecret);
            services.put(service.module(), new ChildProcess(service.module(), ChildProcess.java(jvmOptions, arguments),
                    secrets,
                    config.dataDir().resolve("logs").resolve(service.module() + ".log")));
        }
    }

    /** {@code --property=http://host:port} of the platform's {@code module}, when the platform runs it. */
    private void addUrl(List<String> arguments, String property, String module, String host) {
        config.services().stream().filter(other -> other.module().equals(module))
                .forEach(other -> arguments.add("--" + property + "=http://" + host + ":" + other.port()));
    }

    /** The JVM options of every service: small heaps for a laptop, overridable with SMARTROUTER_JAVA_OPTS. */
    public static List<String> serviceJvmOptions() {
        return List.of(System.getenv().getOrDefault("SMARTROUTER_JAVA_OPTS", DEFAULT_JVM_OPTIONS).trim().split("\\s+"));
    }

    /** Starts Kafka, creates the topics, starts every service and waits until all report healthy. */
    public void start() {
        refusePortsInUse();
        for (PlatformConfig.Service service : config.services()) {
            if (!Files.isRegularFile(service.jar(config.repoRoot()))) {
                throw new IllegalStateException(service.jar(config.repoRoot()) + " is missing: run `make build` first");
            }
        }
        kafka.start();
        kafka.createTopics(Topics.ALL);
        services.values().forEach(ChildProcess::start);
        awaitHealthy(config.services());
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.gateway().port();
    }

    public PlatformConfig config() {
        return config;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** kill -9 one service (crash tests). */
    public void kill(String module) {
        service(module).kill();
    }

    /** Starts a stopped or killed service again and waits until it is healthy. */
    public void restart(String module) {
        ChildProcess process = service(module);
        process.stop();
        process.start();
        awaitHealthy(config.services().stream().filter(s -> s.module().equals(module)).toList());
    }

    /** Resident memory of every running process in KiB, Kafka included. */
    public Map<String, Long> residentKib() {
        Map<String, Long> rss = new LinkedHashMap<>();
        kafka.process().residentKib().ifPresent(kib -> rss.put("kafka", kib));
        services.forEach((name, process) -> process.residentKib().ifPresent(kib -> rss.put(name, kib)));
        return rss;
    }

    /** The first child that died on its own, if any (none while the platform is being stopped). */
    Optional<String> deadChild() {
        if (closed) {
            return Optional.empty();
        }
        if (!kafka.isRunning()) {
            return Optional.of("kafka");
        }
        return services.values().stream().filter(p -> !p.isRunning()).map(ChildProcess::name).findFirst();
    }

    /** Stops the gateway first, then the services, then Kafka: gracefully, forcibly after a grace period. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ChildProcess gateway = services.get(PlatformConfig.GATEWAY);
        if (gateway != null) {
            gateway.stop();
        }
        services.values().parallelStream().forEach(ChildProcess::stop);
        kafka.stop();
    }

    private ChildProcess service(String module) {
        ChildProcess process = services.get(module);
        if (process == null) {
            throw new IllegalArgumentException("No service " + module);
        }
        return process;
    }

    private void awaitHealthy(List<PlatformConfig.Service> toCheck) {
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        List<PlatformConfig.Service> pending = new ArrayList<>(toCheck);
        while (!pending.isEmpty()) {
            for (PlatformConfig.Service service : List.copyOf(pending)) {
                ChildProcess process = services.get(service.module());
                if (!process.isRunning()) {
                    throw new IllegalStateException(service.module() + " exited during start-up; last lines of "
                            + process.log() + ":\n" + process.logTail(40));
                }
                if (healthy(service)) {
                    pending.remove(service);
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                ChildProcess late = services.get(pending.get(0).module());
                throw new IllegalStateException(late.name() + " was not healthy within " + HEALTH_TIMEOUT
                        + "; last lines of " + late.log() + ":\n" + late.logTail(40));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private boolean healthy(PlatformConfig.Service service) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refusePortsInUse() {
        List<Integer> ports = new ArrayList<>(List.of(config.kafkaPort(), config.controllerPort()));
        config.services().forEach(service -> ports.add(service.port()));
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " is already in use (is the platform already running?). "
                        + "Stop what uses it, or choose other ports: see deploy/README.md");
            }
        }
    }

    /**
     * A random secret per data directory, kept in {@code dataDir/name} (owner-only) and created on first use: the
     * gateway's signing secret for forwarded requests, and the services' secret for internal calls.
     */
    static String localSecret(Path dataDir, String name) {
        Path file = dataDir.resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                        StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    /** The repository root: the nearest directory up from {@code start} whose pom.xml is the smartrouter parent. */
    public static Path repoRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>smartrouter</artifactId>")
                        && Files.isDirectory(dir.resolve("deploy"))) {
                    return dir;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("Not inside the Smart Router repository: " + start);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code make run}. */
    public static void main(String[] args) {
        // The launcher's own Kafka admin client would otherwise narrate every connection attempt while Kafka starts.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        PlatformConfig config = PlatformConfig.defaults(repoRoot(Path.of("")), System.getenv());
        LocalPlatform platform = new LocalPlatform(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.println("Stopping Smart Router…");
            platform.close();
            console.println("Stopped. Data kept in " + config.dataDir());
        }, "smartrouter-shutdown"));
        console.println("Starting Smart Router: Kafka on " + platform.kafka().bootstrapServers() + ", then "
                + config.services().size() + " services. Logs: " + config.dataDir().resolve("logs"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            console.println("Smart Router could not start: " + e.getMessage());
            System.exit(1);
        }
        Banner.print(console, platform, Duration.ofNanos(System.nanoTime() - started));
        String reported = null;
        while (true) {
            sleep(Duration.ofSeconds(2));
            String dead = platform.deadChild().orElse(null);
            if (dead != null && !dead.equals(reported)) {
                console.println("WARNING: " + dead + " exited; see " + config.dataDir().resolve("logs"));
                reported = dead;
            }
        }
    }
}
