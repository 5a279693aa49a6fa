package io.smartrouter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the benchmark names the platform's processes and divides their CPU among the flows. */
class PlatformCpuTests {

    @Test
    void namesEachServiceByItsJarAndTheBrokerByItsMainClass() {
        assertThat(PlatformCpu.name("/usr/lib/jvm/bin/java -Xms64m -jar /repo/payment-service/target/payment-service.jar "
                + "--server.port=8083 --smartrouter.data-dir=/tmp/d")).contains("payment-service");
        assertThat(PlatformCpu.name("/usr/lib/jvm/bin/java -Xmx512m -cp /repo/deploy/target/lib/* kafka.Kafka "
                + "/tmp/d/kafka/server.properties")).contains("kafka");
        assertThat(PlatformCpu.name("/usr/lib/jvm/bin/java -cp bench/target/classes io.smartrouter.bench.Benchmark"))
                .isEmpty();
        assertThat(PlatformCpu.name("/usr/lib/jvm/bin/java -cp x kafka.tools.StorageTool format")).isEmpty();
    }

    @Test
    void dividesEachProcesssCpuOverTheWindowByTheCompletedFlowsBusiestFirst() {
        var before = Map.of("invoice-service", Duration.ofSeconds(1), "payment-service", Duration.ofSeconds(2));
        var after = Map.of("invoice-service", Duration.ofMillis(1_500), "payment-service", Duration.ofSeconds(4),
                "kafka", Duration.ofMillis(300));

        assertThat(PlatformCpu.perFlow(before, after, 10))
                .isEqualTo("280.0 ms (payment-service 200.0, invoice-service 50.0, kafka 30.0)");
        assertThat(PlatformCpu.perFlow(before, after, 0)).isEqualTo("not measured");
    }
}
