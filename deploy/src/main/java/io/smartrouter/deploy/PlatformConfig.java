package io.smartrouter.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the launcher starts, and where.
 *
 * @param repoRoot the repository (services run from their {@code <module>/target/<module>.jar})
 * @param dataDir state that survives restarts: Kafka's log, each service's database, logs, the internal secret
 * @param kafkaPort the broker's client port on 127.0.0.1
 * @param controllerPort the KRaft controller's port on 127.0.0.1
 * @param services the services to start, the gateway last
 * @param extraGatewayArgs more Spring arguments for the gateway (tests add a second project)
 */
public record PlatformConfig(Path repoRoot, Path dataDir, int kafkaPort, int controllerPort, List<Service> services,
        List<String> extraGatewayArgs) {

    public static final String GATEWAY = "api-gateway";
    public static final String INVOICE = "invoice-service";
    public static final String VAULT = "vault-service";
    public static final String PAYMENT = "payment-service";
    public static final String SIMULATOR = "psp-simulator";

    public PlatformConfig {
        services = List.copyOf(services);
        extraGatewayArgs = List.copyOf(extraGatewayArgs);
    }

    /** The embedded default of {@code make run}, each value overridable by an environment variable. */
    public static PlatformConfig defaults(Path repoRoot, Map<String, String> env) {
        return new PlatformConfig(repoRoot,
                repoRoot.resolve(env.getOrDefault("SMARTROUTER_DATA_DIR", "data")).toAbsolutePath().normalize(),
                port(env, "SMARTROUTER_KAFKA_PORT", 9092),
                port(env, "SMARTROUTER_KAFKA_CONTROLLER_PORT", 9093),
                List.of(new Service(INVOICE, "invoice", port(env, "SMARTROUTER_INVOICE_PORT", 8081)),
                        new Service(VAULT, "vault", port(env, "SMARTROUTER_VAULT_PORT", 8082)),
                        new Service(SIMULATOR, null, port(env, "SMARTROUTER_PSP_SIMULATOR_PORT", 8090)),
                        new Service(PAYMENT, "payment", port(env, "SMARTROUTER_PAYMENT_PORT", 8083)),
                        new Service("webhook-dispatcher", "webhook", port(env, "SMARTROUTER_WEBHOOK_PORT", 8084)),
                        new Service(GATEWAY, null, port(env, "SMARTROUTER_GATEWAY_PORT", 8080))),
                List.of());
    }

    /** The same platform on other ports and another data directory (tests). */
    public PlatformConfig on(Path otherDataDir, int otherKafkaPort, int otherControllerPort,
            Map<String, Integer> portByService, List<String> gatewayArgs) {
        List<Service> moved = services.stream()
                .map(service -> new Service(service.module(), service.routeName(),
                        portByService.getOrDefault(service.module(), service.port())))
                .toList();
        return new PlatformConfig(repoRoot, otherDataDir, otherKafkaPort, otherControllerPort, moved, gatewayArgs);
    }

    public Service gateway() {
        return services.stream().filter(service -> service.module().equals(GATEWAY)).findFirst().orElseThrow();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    /**
     * A service module and its port.
     *
     * @param routeName the name the gateway routes to it by ({@code smartrouter.gateway.services.<name>}), or null
     *     for the gateway itself and the PSP simulator (which the gateway does not route to)
     */
    public record Service(String module, String routeName, int port) {

        public Path jar(Path repoRoot) {
            return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
        }
    }
}
