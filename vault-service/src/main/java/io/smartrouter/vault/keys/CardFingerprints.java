package io.smartrouter.vault.keys;

import io.smartrouter.platform.card.Pan;
import io.smartrouter.platform.id.ProjectId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints: HMAC-SHA256 of the PAN under a key derived per project from the vault's fingerprint key. The same card
 * has the same fingerprint within a project (to spot a card used twice) and unrelated ones across projects; without
 * the key a fingerprint cannot be brute-forced back to a PAN.
 */
public final class CardFingerprints {

    private final byte[] fingerprintKey;

    public CardFingerprints(KeyEncryptionKeys keys) {
        this.fingerprintKey = keys.fingerprintKey();
    }

    public String of(ProjectId project, Pan pan) {
        byte[] projectKey = hmac(fingerprintKey, project.value().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(projectKey, pan.digits().getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
