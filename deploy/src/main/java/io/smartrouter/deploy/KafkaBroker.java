package io.smartrouter.deploy;

import io.smartrouter.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node, 127.0.0.1 only), run as its own
 * JVM from the jars Maven copied to {@code deploy/target/lib}. Its log directory lives in the data directory, so
 * topics and events survive restarts; storage is formatted once.
 */
public final class KafkaBroker {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
            "-Djava.awt.headless=true");

    private final PlatformConfig config;
    private final Path home;
    private final Path classpath;
    private final ChildProcess process;

    KafkaBroker(PlatformConfig config) {
        this.config = config;
        this.home = config.dataDir().resolve("kafka");
        this.classpath = config.repoRoot().resolve("deploy").resolve("target").resolve("lib");
        this.process = new ChildProcess("kafka",
                ChildProcess.java(JVM_OPTIONS, List.of("-cp", classpath + "/*", "kafka.Kafka", properties().toString())),
                Map.of(), config.dataDir().resolve("logs").resolve("kafka.log"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    /** Formats the storage on first use, starts the broker and waits until it answers. */
    public void start() {
        try {
            Files.createDirectories(home);
            Files.writeString(properties(), serverProperties(config.kafkaPort(), config.controllerPort(),
                    home.resolve("logs")), StandardCharsets.UTF_8);
            if (!Files.exists(home.resolve("logs").resolve("meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Kafka's directory " + home, e);
        }
        process.start();
        awaitReady();
    }

    public void stop() {
        process.stop();
    }

    /** kill -9, for crash tests. */
    public void kill() {
        process.kill();
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    ChildProcess process() {
        return process;
    }

    /** Creates the topics that do not exist yet; existing ones (and their events) are left alone. */
    public void createTopics(List<Topics.TopicSpec> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create Kafka topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    static String serverProperties(int kafkaPort, int controllerPort, Path logDir) {
        return String.join("\n",
                "# Written by the Smart Router launcher on every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + kafkaPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private Path properties() {
        return home.resolve("server.properties");
    }

    private void format() throws IOException {
        Path clusterIdFile = home.resolve("cluster-id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString(), StandardCharsets.UTF_8);
        }
        String clusterId = Files.readString(clusterIdFile, StandardCharsets.UTF_8).trim();
        var formatter = new ChildProcess("kafka-storage-format", ChildProcess.java(List.of("-Xmx256m"),
                List.of("-cp", classpath + "/*", "kafka.tools.StorageTool", "format", "-t", clusterId,
                        "-c", properties().toString())),
                Map.of(), config.dataDir().resolve("logs").resolve("kafka.log"));
        formatter.start();
        if (!formatter.waitFor(Duration.ofSeconds(60)) || !Files.exists(home.resolve("logs").resolve("meta.properties"))) {
            throw new IllegalStateException("Formatting Kafka's storage failed:\n" + formatter.logTail(30));
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (!process.isRunning()) {
                    throw new IllegalStateException("Kafka exited during start-up:\n" + process.logTail(40));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not become ready within " + READY_TIMEOUT
                                + ":\n" + process.logTail(40), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
    }
}
