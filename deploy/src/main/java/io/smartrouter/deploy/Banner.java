package io.smartrouter.deploy;

import io.smartrouter.schemas.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** What {@code make run} prints once everything is up. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, LocalPlatform platform, Duration startup) {
        PlatformConfig config = platform.config();
        out.println();
        out.printf("Smart Router is ready in %.1f s at %s%n", startup.toMillis() / 1000.0, platform.gatewayUrl());
        out.println();
        out.println("  Sandbox project (local use only): test-proj_demo   secret key: key_test_demo");
        out.println("  Operator token (local use only):  op_local_dev     admin API: " + platform.gatewayUrl() + "/admin/projects");
        out.println("  Try: curl -u test-proj_demo:key_test_demo -H 'Content-Type: application/json' \\");
        out.println("         -d '{\"name\":\"Order 1\",\"amount\":\"10.00\",\"currency\":\"USD\"}' "
                + platform.gatewayUrl() + "/invoices");
        out.println();
        out.println("  Kafka: " + platform.kafka().bootstrapServers());
        for (Topics.TopicSpec topic : Topics.ALL) {
            out.printf("    %-34s %d partitions, key = %s%n", topic.name(), topic.partitions(), topic.key());
        }
        out.println();
        out.println("  Services:");
        config.services().forEach(service ->
                out.printf("    %-20s http://127.0.0.1:%d%n", service.module(), service.port()));
        Map<String, Long> rss = platform.residentKib();
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        out.println();
        out.printf("  Memory (RSS): %d MiB in total —", total / 1024);
        rss.forEach((name, kib) -> out.printf(" %s %d", name, kib / 1024));
        out.println();
        out.println("  Data: " + config.dataDir() + "   Logs: " + config.dataDir().resolve("logs"));
        out.println();
        out.println("Press Ctrl-C to stop (data is kept).");
    }
}
