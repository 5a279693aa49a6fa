package io.smartrouter.bench;

import java.time.Duration;
import java.util.Map;

/**
 * How long and how hard the benchmark runs; each value overridable by an environment variable (BENCH_SECONDS, …).
 *
 * @param measure the measured part of each phase
 * @param warmUp the unmeasured start of each saturation phase (JIT, connection pools)
 * @param endpointWorkers concurrent requests against the minimal endpoint
 * @param flowWorkers concurrent CIT flows at saturation (each flow makes its four calls one after the other)
 * @param flowsPerSecond the moderate fixed rate at which call latencies are measured
 * @param kafkaRecords records produced for the raw Kafka ceiling
 * @param webhookEvents events published at once to measure webhook deliveries per second
 * @param webhooksPerSecond the fixed rate of events at which webhook latency is measured
 */
record BenchSettings(Duration measure, Duration warmUp, int endpointWorkers, int flowWorkers, double flowsPerSecond,
        int kafkaRecords, int webhookEvents, double webhooksPerSecond) {

    static BenchSettings from(Map<String, String> env) {
        return new BenchSettings(Duration.ofSeconds(number(env, "BENCH_SECONDS", 30)),
                Duration.ofSeconds(number(env, "BENCH_WARMUP_SECONDS", 60)),
                number(env, "BENCH_ENDPOINT_WORKERS", 32),
                number(env, "BENCH_FLOW_WORKERS", 16),
                number(env, "BENCH_FLOWS_PER_SECOND", 20),
                number(env, "BENCH_KAFKA_RECORDS", 200_000),
                number(env, "BENCH_WEBHOOK_EVENTS", 5_000),
                number(env, "BENCH_WEBHOOKS_PER_SECOND", 200));
    }

    /** The minimal endpoint's latency is measured at the platform's call rate: four calls per flow. */
    double callsPerSecond() {
        return flowsPerSecond * CitFlow.CALLS.length;
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
        }
    }
}
