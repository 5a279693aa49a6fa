package io.smartrouter.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a run's CPU went: the CPU time of the platform's processes (each service's jar and the Kafka broker), found by
 * their command lines through {@link ProcessHandle}, read before and after the measured part of a load and divided by
 * the flows it completed. The load generator is not a platform process, so it is not counted.
 */
final class PlatformCpu {

    private static final Pattern SERVICE_JAR = Pattern.compile("-jar \\S*?([a-z-]+)\\.jar");
    private static final String BROKER_MAIN = " kafka.Kafka ";

    private PlatformCpu() {
    }

    /** Each platform process's CPU time so far, by name; with a {@code dataDir}, only the platform that uses it. */
    static Map<String, Duration> now(String dataDir) {
        Map<String, Duration> cpu = new TreeMap<>();
        ProcessHandle.allProcesses().forEach(process -> {
            ProcessHandle.Info info = process.info();
            info.commandLine()
                    .filter(line -> dataDir == null || line.contains(dataDir))
                    .flatMap(PlatformCpu::name)
                    .ifPresent(name -> info.totalCpuDuration()
                            .ifPresent(time -> cpu.merge(name, time, Duration::plus)));
        });
        return cpu;
    }

    /** A service's module name (its jar's), {@code kafka} for the broker, empty for any other process. */
    static Optional<String> name(String commandLine) {
        if (commandLine.contains(BROKER_MAIN)) {
            return Optional.of("kafka");
        }
        Matcher jar = SERVICE_JAR.matcher(commandLine);
        return jar.find() ? Optional.of(jar.group(1)) : Optional.empty();
    }

    /**
     * Milliseconds of CPU per completed flow between two readings: the platform's total, then each process, the
     * busiest first. Says so when there is nothing to divide.
     */
    static String perFlow(Map<String, Duration> before, Map<String, Duration> after, long flows) {
        if (flows == 0 || after.isEmpty()) {
            return "not measured";
        }
        Map<String, Double> millis = new TreeMap<>();
        after.forEach((name, time) -> millis.put(name,
                time.minus(before.getOrDefault(name, Duration.ZERO)).toNanos() / 1e6 / flows));
        double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format(Locale.ROOT, "%.1f ms (%s)", total, millis.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> String.format(Locale.ROOT, "%s %.1f", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ")));
    }
}
