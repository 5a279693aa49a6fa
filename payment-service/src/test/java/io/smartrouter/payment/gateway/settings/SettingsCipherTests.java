package io.smartrouter.payment.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCipherTests {

    static final Map<String, String> SETTINGS = Map.of("api_key", "sk_live_VERYSECRET", "account", "acme");

    @Test
    void sealsBoundToItsConfigurationAndOpensOnlyThere(@TempDir Path dir) {
        var cipher = SettingsCipher.fromKeyFile(dir.resolve("key"));
        var sealed = cipher.seal("test-proj_a", "gway_conf_1", SETTINGS);

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("VERYSECRET");
        assertThat(sealed.keys()).containsExactly("account", "api_key");
        assertThat(cipher.open("test-proj_a", "gway_conf_1", sealed)).isEqualTo(SETTINGS);
        assertThatThrownBy(() -> cipher.open("test-proj_a", "gway_conf_2", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("VERYSECRET");
        assertThatThrownBy(() -> cipher.open("test-proj_b", "gway_conf_1", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFingerprintTellsSameSettingsApartWithoutShowingThem(@TempDir Path dir) {
        var cipher = SettingsCipher.fromKeyFile(dir.resolve("key"));
        var one = cipher.seal("test-proj_a", "gway_conf_1", SETTINGS);
        var again = cipher.seal("test-proj_a", "gway_conf_2", SETTINGS);
        var other = cipher.seal("test-proj_a", "gway_conf_1", Map.of("api_key", "sk_live_OTHER"));

        assertThat(one.fingerprint()).isEqualTo(again.fingerprint()).isNotEqualTo(other.fingerprint());
        assertThat(one.ciphertext()).isNotEqualTo(again.ciphertext());
    }

    @Test
    void theKeyFileIsKeptAcrossRestartsAndTheEnvironmentKeyIsRequiredInProduction(@TempDir Path dir)
            throws Exception {
        var sealed = SettingsCipher.fromKeyFile(dir.resolve("key")).seal("test-proj_a", "gway_conf_1", SETTINGS);
        assertThat(SettingsCipher.fromKeyFile(dir.resolve("key")).open("test-proj_a", "gway_conf_1", sealed))
                .isEqualTo(SETTINGS);
        assertThat(Files.readString(dir.resolve("key"))).doesNotContain("VERYSECRET");

        assertThatThrownBy(() -> SettingsCipher.fromEnvironment(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SettingsCipher.ENVIRONMENT_KEY);
        assertThatThrownBy(() -> SettingsCipher.fromEnvironment(Map.of(SettingsCipher.ENVIRONMENT_KEY, "c2hvcnQ=")))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("c2hvcnQ=");
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(SettingsCipher.fromEnvironment(Map.of(SettingsCipher.ENVIRONMENT_KEY, key))).isNotNull();
    }
}
