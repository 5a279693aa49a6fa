package io.smartrouter.gateway.project;

import io.smartrouter.platform.id.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Secret keys: {@code key_test_…} for sandbox projects, {@code key_live_…} for live ones, 256 random bits. Only their
 * SHA-256 is stored: a fast hash is enough for a random 256-bit secret (nothing to brute-force, unlike a password).
 */
public final class SecretKeys {

    public static final String SANDBOX_PREFIX = "key_test_";
    public static final String LIVE_PREFIX = "key_live_";

    private SecretKeys() {
    }

    public static String newSecret(boolean sandbox) {
        return prefix(sandbox) + Ids.random() + Ids.random();
    }

    public static String prefix(boolean sandbox) {
        return sandbox ? SANDBOX_PREFIX : LIVE_PREFIX;
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }
}
