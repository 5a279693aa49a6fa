package io.smartrouter.vault.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentKeysTests {

    private static final String KEY_1 = key(1, 32);
    private static final String KEY_2 = key(2, 32);
    private static final String FINGERPRINT = key(3, 32);
    /** Too short, but distinctive enough to spot in a message. */
    private static final String SHORT_KEY = key(4, 16);

    @Test
    void readsEveryVersionAndTheHighestIsCurrent() {
        EnvironmentKeys keys = new EnvironmentKeys("1:" + KEY_1 + ",2:" + KEY_2, FINGERPRINT);

        assertThat(keys.currentVersion()).isEqualTo(2);
        assertThat(keys.key(1).getEncoded()).isEqualTo(Base64.getDecoder().decode(KEY_1));
        assertThat(keys.key(2).getEncoded()).isEqualTo(Base64.getDecoder().decode(KEY_2));
        assertThat(keys.fingerprintKey()).isEqualTo(Base64.getDecoder().decode(FINGERPRINT));
    }

    @Test
    void toleratesSpacesAndAnyOrder() {
        EnvironmentKeys keys = new EnvironmentKeys(" 2:" + KEY_2 + " , 1: " + KEY_1 + " ", " " + FINGERPRINT + " ");

        assertThat(keys.currentVersion()).isEqualTo(2);
        assertThat(keys.key(1).getEncoded()).isEqualTo(Base64.getDecoder().decode(KEY_1));
    }

    @Test
    void readsTheProcessEnvironment() {
        EnvironmentKeys keys = EnvironmentKeys.fromEnvironment(Map.of(
                "SMARTROUTER_VAULT_KEKS", "1:" + KEY_1, "SMARTROUTER_VAULT_FINGERPRINT_KEY", FINGERPRINT));

        assertThat(keys.currentVersion()).isEqualTo(1);
    }

    @Test
    void rotatingKeepsTheNewestProvisionedVersion() {
        EnvironmentKeys keys = new EnvironmentKeys("1:" + KEY_1 + ",2:" + KEY_2, FINGERPRINT);

        assertThat(keys.rotate()).isEqualTo(2);
        assertThat(keys.currentVersion()).isEqualTo(2);
    }

    @Test
    void anUnknownVersionIsRefused() {
        EnvironmentKeys keys = new EnvironmentKeys("1:" + KEY_1, FINGERPRINT);

        assertThatThrownBy(() -> keys.key(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(KEY_1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no keks | | FP",
        "blank keks | '  ' | FP",
        "no fingerprint key | 1:K1 | ",
        "blank fingerprint key | 1:K1 | ' '"
    })
    void missingVariablesAreRefused(String name, String keks, String fingerprint) {
        assertThatThrownBy(() -> new EnvironmentKeys(fill(keks), fill(fingerprint)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMARTROUTER_VAULT_KEKS");
    }

    @Test
    void anEmptyEnvironmentIsRefused() {
        assertThatThrownBy(() -> EnvironmentKeys.fromEnvironment(new HashMap<>()))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "16-byte kek | 1:SHORT | FP | SHORT",
        "16-byte second kek | 1:K1,2:SHORT | FP | SHORT",
        "16-byte fingerprint key | 1:K1 | SHORT | SHORT",
        "kek that is not base64 | 1:s3cr3t-n0t-b4se64! | FP | s3cr3t-n0t-b4se64!",
        "kek without version | K1 | FP | K1",
        "kek with a version that is no number | one:K1 | FP | K1",
        "fingerprint that is not base64 | 1:K1 | s3cr3t-n0t-b4se64! | s3cr3t-n0t-b4se64!"
    })
    void aKeyThatIsNot32BytesIsRefusedWithoutShowingIt(String name, String keks, String fingerprint, String secret) {
        assertThatThrownBy(() -> new EnvironmentKeys(fill(keks), fill(fingerprint)))
                .isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(fill(secret)))
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(fill(secret)));
    }

    private static String fill(String template) {
        if (template == null) {
            return null;
        }
        return template.replace("K1", KEY_1).replace("SHORT", SHORT_KEY).replace("FP", FINGERPRINT);
    }

    private static String key(int fill, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) (0x40 + fill));
        return Base64.getEncoder().encodeToString(bytes);
    }
}
