package io.smartrouter.vault.keys;

import io.smartrouter.platform.card.Pan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of PANs: every card gets a fresh 256-bit data key; the PAN is sealed with it (AES-256-GCM), and
 * the data key is sealed with the current key-encryption key. Both are bound to the card id as associated data, so a
 * ciphertext copied onto another card's row does not decrypt. Rotation re-wraps only the small data keys.
 */
public final class EnvelopeEncryption {

    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKeys keys;

    public EnvelopeEncryption(KeyEncryptionKeys keys) {
        this.keys = keys;
    }

    public SealedPan seal(String cardId, Pan pan) {
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        RANDOM.nextBytes(dataKey);
        byte[] clear = pan.digits().getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), clear, panContext(cardId));
            return wrap(cardId, dataKey, ciphertext, keys.currentVersion());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(clear, (byte) 0);
        }
    }

    public Pan open(String cardId, SealedPan sealed) {
        byte[] dataKey = unwrap(cardId, sealed);
        byte[] clear = decrypt(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), panContext(cardId));
        try {
            return Pan.parse(new String(clear, StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** The same PAN ciphertext with its data key re-wrapped under the current KEK version. */
    public SealedPan rewrap(String cardId, SealedPan sealed) {
        byte[] dataKey = unwrap(cardId, sealed);
        try {
            return wrap(cardId, dataKey, sealed.ciphertext(), keys.currentVersion());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private SealedPan wrap(String cardId, byte[] dataKey, byte[] ciphertext, int version) {
        byte[] wrapped = encrypt(keys.key(version), dataKey, keyContext(cardId, version));
        return new SealedPan(version, wrapped, ciphertext);
    }

    private byte[] unwrap(String cardId, SealedPan sealed) {
        return decrypt(keys.key(sealed.kekVersion()), sealed.wrappedKey(), keyContext(cardId, sealed.kekVersion()));
    }

    private static byte[] panContext(String cardId) {
        return ("pan:" + cardId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] keyContext(String cardId, int version) {
        return ("data-key:" + cardId + ":" + version).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encrypt(SecretKey key, byte[] clear, byte[] context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(clear);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, byte[] context) {
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
            cipher.updateAAD(context);
            return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // Tampered data, a wrong key or another card's ciphertext: never a silent wrong PAN.
            throw new IllegalStateException("Card data failed authenticated decryption", e);
        }
    }
}
