package io.smartrouter.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.gateway.config.GatewayProperties;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.security.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTests {

    private final BasicAuthenticator authenticator = new BasicAuthenticator(new ConfiguredProjectDirectory(Map.of(
            "test-proj_demo", new GatewayProperties.Project("Demo",
                    HexFormat.of().formatHex(BasicAuthenticator.sha256("key_test_demo"))))));

    @Test
    void tellsTheSecretKeyFromThePublicKey() {
        assertThat(authenticator.authenticate(basic("test-proj_demo:key_test_demo")).keyType()).isEqualTo(KeyType.SECRET);
        assertThat(authenticator.authenticate(basic("test-proj_demo:")).keyType()).isEqualTo(KeyType.PUBLIC);
        assertThat(authenticator.authenticate("bAsIc " + encoded("test-proj_demo:key_test_demo")).projectId().value())
                .isEqualTo("test-proj_demo");
    }

    @Test
    void refusesEverythingElseWithOneError() {
        for (String header : new String[] {null, "", "Basic", "Basic ###", basic("test-proj_demo"),
            basic("test-proj_demo:key_test_dem"), basic("test-proj_nope:key_test_demo"), basic(":key_test_demo"),
            "Basic " + "A".repeat(2000), "Digest abc"}) {
            assertThatThrownBy(() -> authenticator.authenticate(header))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code().type()).isEqualTo("request.authentication.invalid"));
        }
    }

    @Test
    void refusesMalformedConfiguration() {
        assertThatThrownBy(() -> new ConfiguredProjectDirectory(Map.of("test-proj_x",
                new GatewayProperties.Project("X", "key_test_plaintext")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfiguredProjectDirectory(Map.of("nope",
                new GatewayProperties.Project("X", "00".repeat(32))))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String basic(String credentials) {
        return "Basic " + encoded(credentials);
    }

    private static String encoded(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
