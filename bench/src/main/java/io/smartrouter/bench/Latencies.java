package io.smartrouter.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency histograms and failure counts by call name, for one phase of the benchmark. */
final class Latencies {

    private static final long MAX_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Map<String, Histogram> byCall = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    void record(String call, long nanos) {
        byCall.computeIfAbsent(call, name -> new ConcurrentHistogram(MAX_TRACKABLE_NANOS, 3))
                .recordValue(Math.min(nanos, MAX_TRACKABLE_NANOS));
    }

    void fail(String call, String why) {
        failures.computeIfAbsent(call + " " + why, key -> new AtomicLong()).incrementAndGet();
    }

    /** Milliseconds at {@code percentile} (0–100) of one call, or NaN when it never ran. */
    double millis(String call, double percentile) {
        Histogram histogram = byCall.get(call);
        return histogram == null || histogram.getTotalCount() == 0 ? Double.NaN
                : histogram.getValueAtPercentile(percentile) / 1_000_000.0;
    }

    long count(String call) {
        Histogram histogram = byCall.get(call);
        return histogram == null ? 0 : histogram.getTotalCount();
    }

    long failureCount() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The failures by call and reason, sorted, e.g. {@code authorize 409=3}. */
    Map<String, Long> failures() {
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((key, count) -> sorted.put(key, count.get()));
        return sorted;
    }
}
