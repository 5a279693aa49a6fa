package io.smartrouter.platform.id;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random, opaque ids: a type prefix plus 128 bits from a CSPRNG in lower-case base32 (26 characters). They carry no
 * timestamp, counter or host information.
 */
public final class Ids {

    /**
     * One generator per thread: the default {@code NativePRNG} reads /dev/urandom under one JVM-wide lock, which became
     * the most contended monitor under load (every command, event and message id comes from here). A per-thread DRBG
     * (NIST SP 800-90A, seeded from the system's entropy source) is as unpredictable and never contended.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::drbg);
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int RANDOM_BYTES = 16;

    private Ids() {
    }

    /** A new id such as {@code iv_5ryq3k…}. */
    public static String newId(String prefix) {
        return prefix + random();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** 128 random bits as 26 base32 characters. */
    public static String random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.get().nextBytes(bytes);
        StringBuilder out = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
