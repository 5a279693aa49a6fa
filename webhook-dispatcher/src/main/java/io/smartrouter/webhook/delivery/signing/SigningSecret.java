package io.smartrouter.webhook.delivery.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret: {@code whsec_} and the base64 of random key bytes. Its {@code toString()} never
 * shows it; {@link #display()} is for the one response that hands it to the merchant.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key.clone();
    }

    public static SigningSecret generate() {
        byte[] key = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(key);
        return new SigningSecret(key);
    }

    /** From its {@code whsec_…} form (the prefix is optional, as in the Standard Webhooks libraries). */
    public static SigningSecret parse(String text) {
        String base64 = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        try {
            return new SigningSecret(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A signing secret is whsec_ followed by base64");
        }
    }

    public static SigningSecret ofKey(byte[] key) {
        return new SigningSecret(key);
    }

    /** The HMAC key: the base64-decoded part after {@code whsec_}. */
    public byte[] keyBytes() {
        return key.clone();
    }

    /** The secret as shown to the merchant once. */
    public String display() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret secret && Arrays.equals(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return PREFIX + "****";
    }
}
