package io.smartrouter.bench;

import io.smartrouter.deploy.LocalPlatform;
import io.smartrouter.schemas.Topics;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code make bench}: measures, in one run on this machine, the ceilings (a minimal WebFlux endpoint, raw Kafka
 * produce) and the platform on its embedded default (complete CIT flows per second at saturation, each call's latency
 * at a fixed moderate rate), and prints them side by side with their ratios. The platform and the minimal endpoint run
 * as their own processes; this JVM is the load generator, on loopback only, bounded in time.
 */
public final class Benchmark {

    private static final String ECHO_BODY = "{\"name\":\"Benchmark order\",\"amount\":\"10.00\",\"currency\":\"USD\"}";
    /** The report goes to standard output, progress to standard error: {@code make bench > results.md} works. */
    private static final PrintStream REPORT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private static final PrintStream PROGRESS = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);
    private static final List<String> PLATFORM_TOPICS = List.of(Topics.INVOICES, Topics.PAYMENTS, Topics.VAULT);
    /**
     * Between the saturation phase and the measured latency phase: this long idle, then this long at the fixed rate,
     * unmeasured, so that the backlog saturation left behind (consumers, the webhook dispatcher) is not in the latencies.
     */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The load generator's own Kafka clients only speak up when something is wrong.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        BenchSettings settings = BenchSettings.from(System.getenv());
        Path root = LocalPlatform.repoRoot(Path.of(""));
        String running = System.getenv("BENCH_GATEWAY_URL");
        if (running != null && !running.isBlank()) {
            String kafka = System.getenv("BENCH_KAFKA_BOOTSTRAP");
            if (kafka != null && !kafka.isBlank()) {
                webhooksOnly(running.trim(), kafka.trim(), settings);
            } else {
                loadOnly(running.trim(), settings);
            }
            return;
        }
        Report report = new Report(settings);
        measureMinimalEndpoint(root, settings, report);
        measurePlatform(root, settings, report);
        REPORT.print(report.markdown());
    }

    private static void measureMinimalEndpoint(Path root, BenchSettings settings, Report report) throws Exception {
        int port = FreshPlatform.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The services' heap and collector, but the JVM's full JIT (C1 and C2): the stronger ceiling.
        command.addAll(LocalPlatform.serviceJvmOptions().stream()
                .filter(option -> !option.startsWith("-XX:TieredStopAtLevel")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MinimalEndpoint.class.getName(),
                "--server.port=" + port, "--spring.main.banner-mode=off", "--logging.level.root=warn"));
        Process endpoint = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitAnswer("http://127.0.0.1:" + port + "/echo", Duration.ofSeconds(60));
            progress("minimal WebFlux endpoint: saturation, " + settings.endpointWorkers() + " concurrent requests");
            JsonCalls calls = new JsonCalls("http://127.0.0.1:" + port);
            Latencies saturated = new Latencies();
            report.minimal(Load.closedLoop(settings.endpointWorkers(), settings.warmUp(), settings.measure(),
                    () -> calls.post("echo", "/echo", null, ECHO_BODY, saturated).thenApply(body -> true)));
            progress("minimal WebFlux endpoint: latency at " + settings.callsPerSecond() + " requests/s");
            Latencies atRate = new Latencies();
            Load.openLoop(settings.callsPerSecond(), settings.measure(),
                    () -> calls.post("echo", "/echo", null, ECHO_BODY, atRate).thenApply(body -> true));
            report.minimalLatency(atRate);
        } finally {
            endpoint.destroy();
            endpoint.waitFor();
        }
    }

    private static void measurePlatform(Path root, BenchSettings settings, Report report) throws Exception {
        progress("starting the platform (embedded default, fresh data directory)");
        long starting = System.nanoTime();
        try (FreshPlatform fresh = FreshPlatform.start(root)) {
            LocalPlatform platform = fresh.platform();
            report.startUp(Duration.ofNanos(System.nanoTime() - starting));
            CitFlow flow = new CitFlow(new JsonCalls(platform.gatewayUrl()), FreshPlatform.DEMO_PROJECT,
                    FreshPlatform.DEMO_SECRET);
            KafkaCeiling kafka = new KafkaCeiling(platform.kafka().bootstrapServers());

            progress("platform: CIT flows at saturation, " + settings.flowWorkers() + " concurrent flows");
            Latencies saturated = new Latencies();
            Saturation saturation = saturate(settings, flow, saturated, fresh.dataDir().toString());
            report.flows(saturation.throughput(), saturated, saturation.cpuPerFlow());

            progress("platform: latency at " + settings.flowsPerSecond() + " CIT flows/s");
            Thread.sleep(SETTLE.toMillis());
            Latencies settling = new Latencies();
            Load.openLoop(settings.flowsPerSecond(), SETTLE, () -> flow.run(settling));
            long eventsBefore = kafka.records(PLATFORM_TOPICS);
            Latencies atRate = new Latencies();
            Load.Throughput moderate = Load.openLoop(settings.flowsPerSecond(), settings.measure(),
                    () -> flow.run(atRate));
            Thread.sleep(3_000); // the last events leave the outboxes
            long eventsAfter = kafka.records(PLATFORM_TOPICS);
            report.atRate(moderate, atRate, eventsAfter - eventsBefore, eventsAfter);

            measureWebhooks(platform.gatewayUrl(), platform.kafka().bootstrapServers(), settings, report);

            progress("raw Kafka produce on the platform's broker");
            try {
                report.kafkaCeiling(kafka.producePerSecond(settings.kafkaRecords(), 600));
            } catch (IllegalStateException | ExecutionException | TimeoutException e) {
                // The platform's measurements stand without this ceiling; the report says it is missing.
                progress("raw Kafka produce not measured: " + e.getMessage());
                report.kafkaCeiling(Double.NaN);
            }
            report.memory(platform.residentKib());
            report.disk(DiskUsage.byDirectory(fresh.dataDir()));
        }
    }

    /**
     * Profiling aid: CIT flows against an already running platform (e.g. {@code make run}) with the demo project,
     * printing flows/s and each call's p50/p99 — nothing started, nothing compared. At saturation (a closed loop, with
     * the CPU per complete flow), or with {@code BENCH_OPEN_LOOP=true} at {@code BENCH_FLOWS_PER_SECOND} (an open loop,
     * measured after a warm-up at the same rate): the latency of each call when the machine is not saturated.
     */
    private static void loadOnly(String gatewayUrl, BenchSettings settings) {
        CitFlow flow = new CitFlow(new JsonCalls(gatewayUrl), FreshPlatform.DEMO_PROJECT, FreshPlatform.DEMO_SECRET);
        Latencies latencies = new Latencies();
        Load.Throughput throughput;
        String cpuPerFlow = null;
        if (Boolean.parseBoolean(System.getenv("BENCH_OPEN_LOOP"))) {
            Load.openLoop(settings.flowsPerSecond(), settings.warmUp(), () -> flow.run(new Latencies()));
            throughput = Load.openLoop(settings.flowsPerSecond(), settings.measure(), () -> flow.run(latencies));
        } else {
            Saturation saturation = saturate(settings, flow, latencies, null);
            throughput = saturation.throughput();
            cpuPerFlow = saturation.cpuPerFlow();
        }
        REPORT.printf("%.1f CIT flows/s (%d failed) against %s%n", throughput.perSecond(), throughput.failed(),
                gatewayUrl);
        for (String call : CitFlow.CALLS) {
            REPORT.printf("  %-15s p50 %6.1f ms  p99 %6.1f ms%n", call, latencies.millis(call, 50),
                    latencies.millis(call, 99));
        }
        REPORT.println("  failures: " + latencies.failures());
        if (cpuPerFlow != null) {
            REPORT.println("  CPU per complete flow: " + cpuPerFlow);
        }
    }

    /** A closed loop's throughput and the platform's CPU per complete flow over its measured part. */
    private record Saturation(Load.Throughput throughput, String cpuPerFlow) {
    }

    /**
     * CIT flows in a closed loop; the platform's CPU is read when the warm-up ends and again when the loop is over (the
     * flows still running at the end add a little CPU and no flow). With a {@code dataDir}, only the processes of the
     * platform that uses it are counted; without, every service and broker on this machine.
     */
    private static Saturation saturate(BenchSettings settings, CitFlow flow, Latencies latencies, String dataDir) {
        CompletableFuture<Map<String, Duration>> warm = CompletableFuture.supplyAsync(() -> PlatformCpu.now(dataDir),
                CompletableFuture.delayedExecutor(settings.warmUp().toMillis(), TimeUnit.MILLISECONDS));
        Load.Throughput throughput = Load.closedLoop(settings.flowWorkers(), settings.warmUp(), settings.measure(),
                () -> flow.run(latencies));
        return new Saturation(throughput, PlatformCpu.perFlow(warm.join(), PlatformCpu.now(dataDir),
                throughput.completed()));
    }

    /**
     * Profiling aid: the webhook phases against an already running platform and its broker (e.g. {@code make run}:
     * {@code BENCH_KAFKA_BOOTSTRAP=127.0.0.1:9092}), printing deliveries/s and the dispatcher's latencies.
     */
    private static void webhooksOnly(String gatewayUrl, String bootstrapServers, BenchSettings settings)
            throws Exception {
        Report report = new Report(settings);
        measureWebhooks(gatewayUrl, bootstrapServers, settings, report);
        REPORT.print(report.webhooksMarkdown());
    }

    private static void measureWebhooks(String gatewayUrl, String bootstrapServers, BenchSettings settings,
            Report report) throws Exception {
        // Longer than the dispatcher's response timeout (15 s): every call to the slow endpoint times out.
        try (WebhookReceiver receiver = new WebhookReceiver(Duration.ofSeconds(20).toMillis())) {
            WebhookBench webhooks = new WebhookBench(new JsonCalls(gatewayUrl),
                    JsonCalls.basic(FreshPlatform.DEMO_PROJECT, FreshPlatform.DEMO_SECRET), receiver,
                    bootstrapServers);
            webhooks.register(receiver.fastUrl());
            progress("webhooks: " + settings.webhookEvents() + " events at once to a fast local endpoint");
            double perSecond = webhooks.deliveriesPerSecond(settings.webhookEvents(), Duration.ofMinutes(3));
            progress("webhooks: latency at " + settings.webhooksPerSecond() + " events/s through the API");
            Latencies endToEnd = webhooks.latencyAt(settings.webhooksPerSecond(), settings.measure(),
                    Duration.ofMinutes(1));
            progress("webhooks: latency at " + settings.webhooksPerSecond() + " events/s on the topic");
            Latencies alone = webhooks.dispatcherLatencyAt(settings.webhooksPerSecond(), settings.measure(),
                    Duration.ofMinutes(1));
            webhooks.register(receiver.slowUrl());
            progress("webhooks: latency at " + settings.webhooksPerSecond()
                    + " events/s on the topic while another endpoint times out on every call");
            Latencies withSlow = webhooks.dispatcherLatencyAt(settings.webhooksPerSecond(), settings.measure(),
                    Duration.ofMinutes(1));
            report.webhooks(perSecond, alone, withSlow, endToEnd);
        }
    }

    private static void awaitAnswer(String url, Duration patience) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ECHO_BODY)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The minimal endpoint did not start within " + patience);
    }

    static void progress(String step) {
        PROGRESS.println("[bench] " + step);
    }
}
