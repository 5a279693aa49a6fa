package io.smartrouter.vault.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.card.Pan;
import io.smartrouter.platform.id.ProjectId;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardFingerprintsTests {

    private static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    private static final ProjectId OTHER_PROJECT = new ProjectId("test-proj_other");
    private static final Pan PAN = Pan.parse("4242424242424242");

    private final CardFingerprints fingerprints = new CardFingerprints(keys(1));

    @Test
    void theSameCardInTheSameProjectHasTheSameFingerprint() {
        assertThat(fingerprints.of(PROJECT, PAN)).isEqualTo(fingerprints.of(PROJECT, Pan.parse("4242 4242 4242 4242")));
        assertThat(new CardFingerprints(keys(1)).of(PROJECT, PAN)).isEqualTo(fingerprints.of(PROJECT, PAN));
    }

    @Test
    void theSameCardInAnotherProjectHasAnUnrelatedFingerprint() {
        assertThat(fingerprints.of(OTHER_PROJECT, PAN)).isNotEqualTo(fingerprints.of(PROJECT, PAN));
        assertThat(fingerprints.of(new ProjectId("proj_demo"), PAN)).isNotEqualTo(fingerprints.of(PROJECT, PAN));
    }

    @Test
    void anotherCardHasAnotherFingerprint() {
        assertThat(fingerprints.of(PROJECT, Pan.parse("4242424242424241")))
                .isNotEqualTo(fingerprints.of(PROJECT, PAN));
    }

    @Test
    void anotherVaultKeyGivesAnotherFingerprint() {
        assertThat(new CardFingerprints(keys(2)).of(PROJECT, PAN)).isNotEqualTo(fingerprints.of(PROJECT, PAN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4242424242424242", "5555555555554444", "378282246310005", "424242424242"})
    void theFingerprintDoesNotContainTheNumber(String number) {
        Pan pan = Pan.parse(number);
        String fingerprint = fingerprints.of(PROJECT, pan);

        // 256 bits in URL-safe base64 without padding
        assertThat(fingerprint).matches("[A-Za-z0-9_-]{43}")
                .doesNotContain(pan.digits()).doesNotContain(pan.iin()).doesNotContain(pan.digits().substring(6));
    }

    private static EnvironmentKeys keys(int fill) {
        byte[] fingerprintKey = new byte[32];
        Arrays.fill(fingerprintKey, (byte) fill);
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        return new EnvironmentKeys("1:" + key, Base64.getEncoder().encodeToString(fingerprintKey));
    }
}
