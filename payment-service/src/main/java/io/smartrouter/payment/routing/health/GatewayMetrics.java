package io.smartrouter.payment.routing.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smartrouter.payment.connector.OperationOutcome;
import java.time.Duration;

/**
 * Per gateway configuration: operations by outcome (approved, declined with its code, three-d-s, unknown,
 * unavailable), their latency, and the gateways the router skipped and why. Tags hold ids and codes only, never card
 * data.
 */
public class GatewayMetrics {

    static final String OPERATIONS = "smartrouter.gateway.operations";
    static final String LATENCY = "smartrouter.gateway.latency";
    static final String SKIPPED = "smartrouter.gateway.skipped";

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recordCall(String gatewayConfigurationId, String gateway, String operation, OperationOutcome outcome,
            Duration took) {
        String result;
        String code = "none";
        if (outcome instanceof OperationOutcome.Approved) {
            result = "approved";
        } else if (outcome instanceof OperationOutcome.Declined declined) {
            result = "declined";
            code = declined.code();
        } else if (outcome instanceof OperationOutcome.ThreeDSecureRequired) {
            result = "three-d-s";
        } else if (outcome instanceof OperationOutcome.Unavailable) {
            result = "unavailable";
        } else {
            result = "unknown";
        }
        Counter.builder(OPERATIONS).description("PSP operations by outcome")
                .tag("gateway_configuration", gatewayConfigurationId).tag("gateway", nonNull(gateway))
                .tag("operation", operation).tag("outcome", result).tag("code", code)
                .register(registry).increment();
        Timer.builder(LATENCY).description("PSP call latency")
                .tag("gateway_configuration", gatewayConfigurationId).tag("gateway", nonNull(gateway))
                .tag("operation", operation)
                .register(registry).record(took);
    }

    public void recordSkip(String gatewayConfigurationId, String reason) {
        Counter.builder(SKIPPED).description("Gateways the router skipped")
                .tag("gateway_configuration", gatewayConfigurationId).tag("reason", reason)
                .register(registry).increment();
    }

    private static String nonNull(String value) {
        return value == null ? "unknown" : value;
    }
}
