package io.smartrouter.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The benchmark's results as a Markdown table, with each number next to its ceiling from the same run. */
final class Report {

    /** Each call of a flow crosses the gateway and one service: two HTTP hops, each at most a minimal endpoint. */
    private static final int HOPS_PER_FLOW = CitFlow.CALLS.length * 2;

    private final BenchSettings settings;
    private Load.Throughput minimal;
    private Latencies minimalLatency;
    private Duration startUp;
    private Load.Throughput flows;
    private Latencies saturated;
    private String cpuPerFlow;
    private Load.Throughput moderate;
    private Latencies atRate;
    private double eventsPerFlow;
    private long eventsInStore;
    private double kafkaPerSecond;
    private Map<String, Long> residentKib = Map.of();
    private Map<String, Long> diskBytes = Map.of();
    private double webhooksPerSecond;
    private Latencies webhooksAlone;
    private Latencies webhooksWithSlow;
    private Latencies webhooksEndToEnd;

    Report(BenchSettings settings) {
        this.settings = settings;
    }

    void minimal(Load.Throughput throughput) {
        this.minimal = throughput;
    }

    void minimalLatency(Latencies latencies) {
        this.minimalLatency = latencies;
    }

    void startUp(Duration duration) {
        this.startUp = duration;
    }

    void flows(Load.Throughput throughput, Latencies latencies, String cpuPerFlow) {
        this.flows = throughput;
        this.saturated = latencies;
        this.cpuPerFlow = cpuPerFlow;
    }

    void atRate(Load.Throughput throughput, Latencies latencies, long events, long eventsOnTopics) {
        this.moderate = throughput;
        this.atRate = latencies;
        this.eventsPerFlow = throughput.completed() == 0 ? 0 : events / (double) throughput.completed();
        this.eventsInStore = eventsOnTopics;
    }

    void kafkaCeiling(double recordsPerSecond) {
        this.kafkaPerSecond = recordsPerSecond;
    }

    /**
     * @param alone the dispatcher's latency (event on the topic → receipt) with one fast endpoint
     * @param withSlowEndpoint the same while another endpoint times out on every call
     * @param endToEnd from the API's answer (the event committed) to receipt, one fast endpoint
     */
    void webhooks(double deliveriesPerSecond, Latencies alone, Latencies withSlowEndpoint, Latencies endToEnd) {
        this.webhooksPerSecond = deliveriesPerSecond;
        this.webhooksAlone = alone;
        this.webhooksWithSlow = withSlowEndpoint;
        this.webhooksEndToEnd = endToEnd;
    }

    void disk(Map<String, Long> bytes) {
        this.diskBytes = bytes;
    }

    void memory(Map<String, Long> kib) {
        this.residentKib = kib;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n### %s — %d cores, %.0f GiB, Java %s%n%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), totalMemoryGib(), System.getProperty("java.version")));
        out.append(String.format(Locale.ROOT, "Each phase: %d s measured (saturation after %d s of warm-up); platform "
                + "started in %.0f s; the sandbox PSP answers in-process, so call latencies are the platform's own "
                + "overhead.%n%n", settings.measure().toSeconds(), settings.warmUp().toSeconds(),
                startUp.toMillis() / 1000.0));
        double flowCeiling = minimal.perSecond() / HOPS_PER_FLOW;
        double eventsPerSecond = flows.perSecond() * eventsPerFlow;
        out.append("| measure | platform | ceiling (same run) | ratio |\n|---|---|---|---|\n");
        out.append(row("complete CIT flows/s at saturation (" + settings.flowWorkers() + " concurrent flows)",
                flows.perSecond(), "minimal WebFlux endpoint " + number(minimal.perSecond()) + " req/s ÷ "
                        + HOPS_PER_FLOW + " hops = " + number(flowCeiling), flows.perSecond() / flowCeiling));
        out.append(row("events to Kafka/s at saturation (" + number(eventsPerFlow) + " per flow)", eventsPerSecond,
                "raw Kafka produce " + number(kafkaPerSecond) + " records/s", eventsPerSecond / kafkaPerSecond));
        out.append(row("webhook deliveries/s to a fast local endpoint (" + settings.webhookEvents()
                + " events at once)", webhooksPerSecond, "minimal WebFlux endpoint " + number(minimal.perSecond())
                + " req/s", webhooksPerSecond / minimal.perSecond()));
        out.append(String.format(Locale.ROOT, "%nFailed flows: %d at saturation, %d at %.0f flows/s. %s%n",
                flows.failed(), moderate.failed(), settings.flowsPerSecond(), failures()));
        out.append(String.format(Locale.ROOT, "%nCPU of the platform's processes per complete flow at saturation: %s.%n%n",
                cpuPerFlow));
        out.append(String.format(Locale.ROOT, "| call | p50 ms at %.0f flows/s | p99 ms | p50 overhead over the minimal "
                + "endpoint | p99 ms at saturation |%n|---|---|---|---|---|%n", settings.flowsPerSecond()));
        double minimalP50 = minimalLatency.millis("echo", 50);
        for (String call : CitFlow.CALLS) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", call, atRate.millis(call, 50),
                    atRate.millis(call, 99), atRate.millis(call, 50) - minimalP50, saturated.millis(call, 99)));
        }
        out.append(String.format(Locale.ROOT, "| minimal endpoint at %.0f req/s | %.1f | %.1f | — | — |%n",
                settings.callsPerSecond(), minimalP50, minimalLatency.millis("echo", 99)));
        out.append(webhookLatencies());
        out.append(String.format(Locale.ROOT, "%nEvent store and topics at the end: about %d events. Resident memory: %s. "
                + "Data directory: %s.%n", eventsInStore, memory(), inMib(diskBytes)));
        return out.toString();
    }

    /** The webhook phases alone (a load-only run against a running platform): deliveries/s and latencies. */
    String webhooksMarkdown() {
        return String.format(Locale.ROOT, "%nwebhook deliveries/s to a fast local endpoint (%d events at once): %.1f%n",
                settings.webhookEvents(), webhooksPerSecond) + webhookLatencies();
    }

    private String webhookLatencies() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n| webhook latency at %.0f events/s | p50 ms | p99 ms | missing |%n"
                + "|---|---|---|---|%n", settings.webhooksPerSecond()));
        out.append(webhookRow("the dispatcher: event on the topic → receipt, one fast endpoint", webhooksAlone));
        out.append(webhookRow("the same, while another endpoint times out on every call", webhooksWithSlow));
        out.append(webhookRow("end to end: invoice created through the API (answer) → receipt", webhooksEndToEnd));
        out.append(String.format(Locale.ROOT, "%nThe timing-out endpoint moved the healthy endpoint's p99 by %+.0f%%.%n",
                (webhooksWithSlow.millis("webhook", 99) / webhooksAlone.millis("webhook", 99) - 1) * 100));
        return out.toString();
    }

    private static String webhookRow(String what, Latencies latencies) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d |%n", what, latencies.millis("webhook", 50),
                latencies.millis("webhook", 99), latencies.failureCount());
    }

    private static String row(String measure, double value, String ceiling, double ratio) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", measure, number(value), ceiling,
                Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.0f%%", ratio * 100));
    }

    private String failures() {
        Map<String, Long> all = new TreeMap<>(saturated.failures());
        atRate.failures().forEach((key, count) -> all.merge(key, count, Long::sum));
        return all.isEmpty() ? "" : "By call and cause: " + all + ".";
    }

    private String memory() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        residentKib.forEach((process, kib) -> bytes.put(process, kib * 1024));
        return inMib(bytes);
    }

    /** Sizes by name as "N MiB in all (name M MiB, …)", in the map's order. */
    static String inMib(Map<String, Long> bytes) {
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "%s in all (%s)", mib(total), bytes.entrySet().stream()
                .map(entry -> entry.getKey() + " " + mib(entry.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("not measured"));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.round(bytes / (1024.0 * 1024)));
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double totalMemoryGib() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return Double.NaN;
    }
}
