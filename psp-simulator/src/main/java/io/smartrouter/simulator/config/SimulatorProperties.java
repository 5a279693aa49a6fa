package io.smartrouter.simulator.config;

import io.smartrouter.simulator.psp.PspSettings;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code smartrouter.simulator.psps.<name>.*}: the PSPs the simulator starts with and their settings (the same
 * fields as the admin API's, in kebab case: {@code latency.median-ms}, {@code approval.default-rate}, …).
 */
@ConfigurationProperties("smartrouter.simulator")
public record SimulatorProperties(Map<String, PspSettings> psps) {

    public SimulatorProperties {
        psps = psps == null ? Map.of() : Map.copyOf(psps);
    }
}
