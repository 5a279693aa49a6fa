package io.smartrouter.payment.routing.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.routing.adaptive.RoutingSimulation.Result;
import io.smartrouter.payment.routing.adaptive.RoutingSimulation.Scenario;
import io.smartrouter.payment.routing.adaptive.RoutingSimulation.Strategy;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 6's routing benchmark: adaptive, static-priority and oracle routing side by side on the same simulated
 * worlds, several seeds. Run with {@code make bench-routing}; its name matches none of Surefire's default patterns, so
 * {@code make test} does not run it. Writes {@code target/routing-benchmark.txt}. Fails only if an authorization
 * waited on an open circuit (the one hard invariant); the approval goals are reported, not asserted.
 */
class RoutingBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingBenchmark.class);

    private static final int SEEDS = Integer.getInteger("bench.seeds", 5);
    private static final GatewayLearner.Settings SETTINGS = new GatewayLearner.Settings(
            Duration.parse(System.getProperty("bench.window", GatewayLearner.Settings.DEFAULTS.window().toString())),
            Duration.parse(System.getProperty("bench.bucket", GatewayLearner.Settings.DEFAULTS.bucket().toString())),
            Duration.parse(System.getProperty("bench.half-life",
                    GatewayLearner.Settings.DEFAULTS.halfLife().toString())),
            Double.parseDouble(System.getProperty("bench.min-observations",
                    String.valueOf(GatewayLearner.Settings.DEFAULTS.minObservations()))));
    private static final double LATENCY_WEIGHT = Double.parseDouble(System.getProperty("bench.latency-weight",
            String.valueOf(AdaptiveRouting.DEFAULT_LATENCY_WEIGHT)));
    private static final double[] RETRY_FACTORS = {0.5, 1.0, 0.0};

    @Test
    void adaptiveStaticAndOracleRouting() throws IOException {
        long started = System.nanoTime();
        StringBuilder report = new StringBuilder();
        report.append("Routing benchmark, ").append(Instant.now()).append(", ").append(machine()).append('\n');
        report.append(String.format(Locale.ROOT, "learner: window %s, bucket %s, half-life %s, min observations %.0f, "
                + "latency weight %.3f/s; seeds 1..%d; breakers: count window 20, min 10 calls, 50 %% gateway errors, "
                + "open 5 s, 3 half-open calls%n", SETTINGS.window(), SETTINGS.bucket(), SETTINGS.halfLife(),
                SETTINGS.minObservations(), LATENCY_WEIGHT, SEEDS));
        report.append("Approval = approved payments / payments, per payment after fallbacks (soft declines and gateway "
                + "errors go to the next-ranked gateway). Means over the seeds, [min..max].\n\n");
        int waitedOnOpen = 0;
        for (double retryFactor : RETRY_FACTORS) {
            Scenario scenario = Scenario.standard(retryFactor);
            Map<Strategy, List<Result>> results = new EnumMap<>(Strategy.class);
            for (Strategy strategy : Strategy.values()) {
                List<Result> runs = new ArrayList<>();
                for (long seed = 1; seed <= SEEDS; seed++) {
                    runs.add(new RoutingSimulation(scenario, strategy, SETTINGS, LATENCY_WEIGHT, seed).run());
                }
                results.put(strategy, runs);
                waitedOnOpen += runs.stream().mapToInt(Result::waitedOnOpenCircuit).sum();
            }
            report.append("Scenario: ").append(RoutingSimulation.describe(scenario)).append('\n');
            report.append(table(results)).append(goals(results)).append('\n');
        }
        report.append(String.format(Locale.ROOT, "(ran in %.1f s)%n", (System.nanoTime() - started) / 1e9));
        Path file = Path.of("target", "routing-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        LOG.info("\n{}", report);

        assertThat(waitedOnOpen).as("authorizations that waited on an open-circuit PSP").isZero();
    }

    private static String table(Map<Strategy, List<Result>> results) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-9s %-21s %-21s %-10s %-10s %-9s %-18s %-9s %-9s %-9s%n", "routing", "approval", "approval after drop",
                "p50 ms", "p99 ms", "attempts", "s to shift (<20%)", "waited", "to down", "skipped"));
        for (Map.Entry<Strategy, List<Result>> entry : results.entrySet()) {
            List<Result> runs = entry.getValue();
            table.append(String.format(Locale.ROOT, "%-9s %-21s %-21s %-10s %-10s %-9.2f %-18s %-9d %-9.0f %-9.0f%n",
                    entry.getKey().name().toLowerCase(Locale.ROOT),
                    range(RoutingSimulation.values(runs, r -> r.approvalRate() * 100), "%.1f%%"),
                    range(RoutingSimulation.values(runs, r -> r.approvalRateAfterDrop() * 100), "%.1f%%"),
                    String.format(Locale.ROOT, "%.0f", RoutingSimulation.mean(RoutingSimulation.values(runs,
                            Result::p50Millis))),
                    String.format(Locale.ROOT, "%.0f", RoutingSimulation.mean(RoutingSimulation.values(runs,
                            Result::p99Millis))),
                    RoutingSimulation.mean(RoutingSimulation.values(runs, Result::attemptsPerPayment)),
                    shift(RoutingSimulation.values(runs, Result::secondsToShift)),
                    runs.stream().mapToInt(Result::waitedOnOpenCircuit).sum(),
                    RoutingSimulation.mean(RoutingSimulation.values(runs, Result::callsToDownGateway)),
                    RoutingSimulation.mean(RoutingSimulation.values(runs, Result::skippedOpenCircuit))));
        }
        return table.toString();
    }

    private static String goals(Map<Strategy, List<Result>> results) {
        double adaptive = RoutingSimulation.mean(RoutingSimulation.values(results.get(Strategy.ADAPTIVE),
                Result::approvalRate)) * 100;
        double oracle = RoutingSimulation.mean(RoutingSimulation.values(results.get(Strategy.ORACLE),
                Result::approvalRate)) * 100;
        double fixed = RoutingSimulation.mean(RoutingSimulation.values(results.get(Strategy.STATIC),
                Result::approvalRate)) * 100;
        return String.format(Locale.ROOT, "goals: adaptive %.1f points below the oracle (goal <= 2: %s); "
                + "%.1f points above static (goal >= 10: %s)%n", oracle - adaptive, oracle - adaptive <= 2 ? "met"
                : "NOT met", adaptive - fixed, adaptive - fixed >= 10 ? "met" : "NOT met");
    }

    private static String range(double[] values, String format) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return String.format(Locale.ROOT, format + " [%.1f..%.1f]", RoutingSimulation.mean(values), min, max);
    }

    private static String shift(double[] seconds) {
        long never = java.util.Arrays.stream(seconds).filter(Double::isNaN).count();
        if (never == seconds.length) {
            return "never";
        }
        return range(java.util.Arrays.stream(seconds).filter(s -> !Double.isNaN(s)).toArray(), "%.0f")
                + (never > 0 ? " (" + never + " never)" : "");
    }

    private static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s, %s %s, %d cores, Java %s, max heap %d MB", host,
                System.getProperty("os.name"), System.getProperty("os.arch"), runtime.availableProcessors(),
                System.getProperty("java.version"), runtime.maxMemory() / (1024 * 1024));
    }
}
