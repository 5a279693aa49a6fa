package io.smartrouter.bench;

import io.smartrouter.bench.ChaosPayment.Scenario;
import io.smartrouter.deploy.LocalPlatform;
import io.smartrouter.deploy.PlatformConfig;
import io.smartrouter.schemas.Topics;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code make chaos}: a mix of payments runs through the public API while every service in turn is killed with
 * {@code kill -9} and restarted, and then the Kafka broker is killed and restarted. Afterwards the verdict checks that
 * nothing acknowledged was lost or done twice, that every event reached Kafka, and that every public event was
 * delivered to a healthy webhook endpoint at least once. Exits 1 on any violation.
 */
public final class Chaos {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private static final Duration BETWEEN_FAULTS = Duration.ofSeconds(number("CHAOS_SECONDS_BETWEEN_FAULTS", 12));
    /** How long a client resends a step whose outcome is unknown; 0: never (longer than the gateway's 60 s lease). */
    private static final Duration RETRY_PATIENCE = Duration.ofSeconds(number("CHAOS_RETRY_SECONDS", 90));
    private static final int CLIENTS = number("CHAOS_CLIENTS", 4);

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path root = LocalPlatform.repoRoot(Path.of(""));
        say("starting the platform (embedded default, fresh data directory)");
        boolean passed;
        try (FreshPlatform fresh = FreshPlatform.start(root); WebhookReceiver receiver = new WebhookReceiver(0)) {
            say("data and logs: " + fresh.dataDir() + " (kept afterwards with SMARTROUTER_KEEP_DATA=true)");
            passed = run(fresh.platform(), receiver);
        }
        System.exit(passed ? 0 : 1);
    }

    private static boolean run(LocalPlatform platform, WebhookReceiver receiver) throws InterruptedException {
        Api secret = new Api(platform.gatewayUrl(), FreshPlatform.DEMO_PROJECT, FreshPlatform.DEMO_SECRET);
        Api.Answer endpoint = secret.post("/webhook-endpoints", "{\"url\":\"" + receiver.fastUrl()
                + "\",\"events\":[\"*\"]}", "chaos-endpoint");
        if (!endpoint.ok()) {
            throw new IllegalStateException("Could not register the webhook endpoint: " + endpoint.status());
        }
        ChaosWorkload workload = new ChaosWorkload(secret,
                new Api(platform.gatewayUrl(), FreshPlatform.DEMO_PROJECT, ""), receiver, RETRY_PATIENCE);
        List<ChaosPayment> payments = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean faultsOver = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (!faultsOver.get()) {
                    Scenario scenario = Scenario.values()[next.getAndIncrement() % Scenario.values().length];
                    ChaosPayment payment = workload.run(scenario);
                    payments.add(payment);
                    if (payment.invoiceId == null) {
                        pause(); // the platform is not answering: back off as a merchant's client would
                    }
                }
            });
        }
        List<String> timeline = injectFaults(platform);
        Thread.sleep(BETWEEN_FAULTS.toMillis()); // the workload goes on against the healed platform for a while
        faultsOver.set(true);
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);

        say("workload over: " + payments.size() + " payments; waiting for in-flight operations to be resolved");
        boolean settled = ChaosVerdict.awaitSettled(secret, payments, Duration.ofMinutes(3));
        ChaosVerdict verdict = new ChaosVerdict();
        verdict.checkPayments(secret, payments);
        verdict.checkEventLog(platform.kafka().bootstrapServers(), List.of(Topics.INVOICES, Topics.PAYMENTS,
                Topics.VAULT), payments);
        verdict.checkWebhooks(secret, receiver, payments, Duration.ofMinutes(3));
        report(timeline, payments, settled, verdict);
        return settled && verdict.violations().isEmpty();
    }

    /** Kills every service in turn (restarting it at once), then the broker. Answers what was done, when. */
    private static List<String> injectFaults(LocalPlatform platform) throws InterruptedException {
        List<String> timeline = new ArrayList<>();
        long start = System.nanoTime();
        for (PlatformConfig.Service service : platform.config().services()) {
            Thread.sleep(BETWEEN_FAULTS.toMillis());
            say("kill -9 " + service.module());
            platform.kill(service.module());
            timeline.add(String.format("%4.0f s  kill -9 %s", (System.nanoTime() - start) / 1e9, service.module()));
            platform.restart(service.module());
            timeline.add(String.format("%4.0f s  %s healthy again", (System.nanoTime() - start) / 1e9,
                    service.module()));
        }
        Thread.sleep(BETWEEN_FAULTS.toMillis());
        say("kill -9 the Kafka broker");
        platform.kafka().kill();
        timeline.add(String.format("%4.0f s  kill -9 kafka", (System.nanoTime() - start) / 1e9));
        Thread.sleep(5_000);
        platform.kafka().start();
        timeline.add(String.format("%4.0f s  kafka started again", (System.nanoTime() - start) / 1e9));
        return timeline;
    }

    private static void report(List<String> timeline, List<ChaosPayment> payments, boolean settled,
            ChaosVerdict verdict) {
        OUT.println();
        OUT.println("Faults:");
        timeline.forEach(line -> OUT.println("  " + line));
        Map<Scenario, Map<ChaosPayment.Told, Integer>> outcomes = new EnumMap<>(Scenario.class);
        synchronized (payments) {
            for (ChaosPayment payment : payments) {
                ChaosPayment.Told last = payment.scenario == Scenario.VOID ? payment.voided
                        : payment.scenario == Scenario.PARTIAL_REFUND && payment.capture == ChaosPayment.Told.ACKNOWLEDGED
                                ? payment.refund : payment.capture;
                outcomes.computeIfAbsent(payment.scenario, s -> new EnumMap<>(ChaosPayment.Told.class))
                        .merge(last, 1, Integer::sum);
            }
        }
        OUT.println("Payments by scenario and what the client was told of the last step: " + outcomes);
        synchronized (payments) {
            OUT.println("Calls resent with their idempotency key: " + payments.stream().mapToInt(p -> p.retries).sum()
                    + "; steps acknowledged only after a try with an unknown outcome: "
                    + payments.stream().mapToInt(p -> p.answeredAfterUnknown).sum());
            Map<String, Integer> refusals = new TreeMap<>();
            payments.forEach(payment -> payment.refusals.forEach(refusal -> refusals.merge(refusal, 1, Integer::sum)));
            OUT.println("Steps refused (step, status, error type): " + (refusals.isEmpty() ? "none" : refusals));
        }
        OUT.println("Events on Kafka: " + verdict.events() + " records, " + verdict.duplicates()
                + " duplicates (same event id; an idempotent reader sees each event once)");
        OUT.println("Public events: " + verdict.webhookEvents() + ", each checked for a delivery to the healthy "
                + "endpoint; " + verdict.invoiceUrlEvents() + " of them also to their invoice's webhook_url");
        OUT.println(settled ? "Every in-flight operation was resolved." : "SOME OPERATIONS STAYED IN FLIGHT.");
        if (verdict.violations().isEmpty()) {
            OUT.println("PASSED: nothing acknowledged was lost or done twice; every event reached Kafka, the "
                    + "webhook endpoint and its invoice's webhook_url.");
        } else {
            OUT.println("FAILED: " + verdict.violations().size() + " violations");
            verdict.violations().stream().limit(50).forEach(violation -> OUT.println("  " + violation));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String step) {
        OUT.println("[chaos] " + step);
    }

    private static int number(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
