package io.smartrouter.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigurationTests {

    private static final GatewayProperties.DemoProject NO_DEMO = new GatewayProperties.DemoProject("", "");

    @Test
    void productionRefusesTheDemoProjectOrItsKey() {
        var demo = properties(Map.of("test-proj_demo", new GatewayProperties.Project("Demo", "00".repeat(32))),
                NO_DEMO, "a-real-operator-token");
        var demoKey = properties(Map.of("proj_live1",
                new GatewayProperties.Project("Live", GatewayConfiguration.DEMO_KEY_HASH)), NO_DEMO, "a-real-operator-token");
        var seededDemo = properties(Map.of(), new GatewayProperties.DemoProject("test-proj_demo", "key_test_demo"),
                "a-real-operator-token");
        var own = properties(Map.of("proj_live1", new GatewayProperties.Project("Live", "ab".repeat(32))), NO_DEMO,
                "a-real-operator-token");

        assertThatThrownBy(() -> GatewayConfiguration.refuseLocalDefaults(demo)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GatewayConfiguration.refuseLocalDefaults(demoKey)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GatewayConfiguration.refuseLocalDefaults(seededDemo))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> GatewayConfiguration.refuseLocalDefaults(own)).doesNotThrowAnyException();
    }

    @Test
    void productionRefusesTheLocalOperatorTokenOrNone() {
        for (String token : new String[] {"op_local_dev", "", "  "}) {
            assertThatThrownBy(() -> GatewayConfiguration.refuseLocalDefaults(properties(Map.of(), NO_DEMO, token)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("SMARTROUTER_OPERATOR_TOKEN");
        }
    }

    @Test
    void seedsTheDemoProjectByTheHashOfItsKeyAndRefusesMalformedSeeds() {
        var seeds = GatewayConfiguration.seeds(properties(Map.of(),
                new GatewayProperties.DemoProject("test-proj_demo", "key_test_demo"), "x"));
        assertThat(seeds.get("test-proj_demo").secretKeyHash()).isEqualTo(GatewayConfiguration.DEMO_KEY_HASH);

        assertThatThrownBy(() -> GatewayConfiguration.seeds(properties(Map.of(),
                new GatewayProperties.DemoProject("proj_demo", "key_live_demo"), "x")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GatewayConfiguration.seeds(properties(Map.of("test-proj_x",
                new GatewayProperties.Project("X", "key_test_plaintext")), NO_DEMO, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewayConfiguration.seeds(properties(Map.of("nope",
                new GatewayProperties.Project("X", "00".repeat(32))), NO_DEMO, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static GatewayProperties properties(Map<String, GatewayProperties.Project> projects,
            GatewayProperties.DemoProject demo, String operatorToken) {
        return new GatewayProperties(null, projects, demo, operatorToken, null, null, null, null, null, null);
    }
}
