package io.smartrouter.webhook.delivery.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTests {

    /*
     * The published Standard Webhooks test vector: standard-webhooks/standard-webhooks,
     * libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java (verifyWebhookSignWorks); the same vector is
     * in the other reference libraries' tests. Matching it is what proves a receiver's library accepts our signatures.
     */
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330L;
    static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        assertThat(WebhookSignatures.sign(SigningSecret.parse(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isEqualTo(SPEC_SIGNATURE);
        assertThat(SigningSecret.parse(SPEC_SECRET).display()).isEqualTo(SPEC_SECRET);
    }

    @Test
    void theSecretPrefixIsOptionalAsInTheReferenceLibraries() {
        assertThat(WebhookSignatures.sign(SigningSecret.parse(SPEC_SECRET.substring(6)), SPEC_ID, SPEC_TIMESTAMP,
                SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void signsWithEverySecretDuringARotationAndEitherVerifies() {
        SigningSecret old = SigningSecret.parse(SPEC_SECRET);
        SigningSecret rotated = SigningSecret.generate();
        String header = WebhookSignatures.header(List.of(rotated, old), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        assertThat(header.split(" ")).hasSize(2).contains(SPEC_SIGNATURE);
        assertThat(WebhookSignatures.verify(old, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, header)).isTrue();
        assertThat(WebhookSignatures.verify(rotated, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, header)).isTrue();
        assertThat(WebhookSignatures.verify(SigningSecret.generate(), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, header))
                .isFalse();
    }

    @Test
    void anyChangeToIdTimestampOrBodyBreaksTheSignature() {
        SigningSecret secret = SigningSecret.parse(SPEC_SECRET);
        assertThat(WebhookSignatures.verify(secret, "msg_other", SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE)).isFalse();
        assertThat(WebhookSignatures.verify(secret, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY, SPEC_SIGNATURE)).isFalse();
        assertThat(WebhookSignatures.verify(secret, SPEC_ID, SPEC_TIMESTAMP, "{\"test\": 2432232315}"
                .getBytes(StandardCharsets.UTF_8), SPEC_SIGNATURE)).isFalse();
    }

    @Test
    void generatedSecretsAreStandardWebhooksSecretsThatNeverPrint() {
        SigningSecret secret = SigningSecret.generate();
        assertThat(secret.display()).startsWith("whsec_");
        assertThat(secret.keyBytes()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(SigningSecret.parse(secret.display())).isEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.display().substring(6));
    }
}
