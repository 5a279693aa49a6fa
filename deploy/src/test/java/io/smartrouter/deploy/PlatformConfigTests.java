package io.smartrouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformConfigTests {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsAreTheDocumentedPortsAndDataDirectory() {
        PlatformConfig config = PlatformConfig.defaults(ROOT, Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of("/repo/data"));
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.controllerPort()).isEqualTo(9093);
        assertThat(config.services()).extracting(PlatformConfig.Service::module, PlatformConfig.Service::port)
                .containsExactly(
                        tuple("invoice-service", 8081),
                        tuple("vault-service", 8082),
                        tuple("psp-simulator", 8090),
                        tuple("payment-service", 8083),
                        tuple("webhook-dispatcher", 8084),
                        tuple("api-gateway", 8080));
        assertThat(config.gateway().jar(ROOT)).isEqualTo(Path.of("/repo/api-gateway/target/api-gateway.jar"));
    }

    @Test
    void theEnvironmentOverridesPortsAndDataDirectory() {
        PlatformConfig config = PlatformConfig.defaults(ROOT, Map.of("SMARTROUTER_DATA_DIR", "/tmp/elsewhere",
                "SMARTROUTER_GATEWAY_PORT", "9080", "SMARTROUTER_KAFKA_PORT", " 19092 ",
                "SMARTROUTER_PSP_SIMULATOR_PORT", "18090"));

        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(config.gateway().port()).isEqualTo(9080);
        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.services()).filteredOn(service -> service.module().equals("psp-simulator"))
                .extracting(PlatformConfig.Service::port, PlatformConfig.Service::routeName)
                .containsExactly(tuple(18090, null));
    }

    @Test
    void refusesPortsThatAreNotPorts() {
        assertThatThrownBy(() -> PlatformConfig.defaults(ROOT, Map.of("SMARTROUTER_GATEWAY_PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMARTROUTER_GATEWAY_PORT");
        assertThatThrownBy(() -> PlatformConfig.defaults(ROOT, Map.of("SMARTROUTER_KAFKA_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canMoveEverythingForTests() {
        PlatformConfig moved = PlatformConfig.defaults(ROOT, Map.of()).on(Path.of("/tmp/t"), 1, 2,
                Map.of("api-gateway", 3), List.of("--x=y"));

        assertThat(moved.gateway().port()).isEqualTo(3);
        assertThat(moved.kafkaPort()).isEqualTo(1);
        assertThat(moved.extraGatewayArgs()).containsExactly("--x=y");
        assertThat(moved.services()).hasSize(6);
    }
}
