package io.smartrouter.gateway.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigurationTests {

    @Test
    void productionRefusesTheDemoProjectOrItsKey() {
        var demo = new GatewayProperties(null, Map.of("test-proj_demo",
                new GatewayProperties.Project("Demo", "00".repeat(32))), null, null);
        var demoKey = new GatewayProperties(null, Map.of("proj_live1",
                new GatewayProperties.Project("Live", GatewayConfiguration.DEMO_KEY_HASH)), null, null);
        var own = new GatewayProperties(null, Map.of("proj_live1",
                new GatewayProperties.Project("Live", "ab".repeat(32))), null, null);

        assertThatThrownBy(() -> GatewayConfiguration.refuseDemoProject(demo)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GatewayConfiguration.refuseDemoProject(demoKey)).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> GatewayConfiguration.refuseDemoProject(own)).doesNotThrowAnyException();
    }
}
