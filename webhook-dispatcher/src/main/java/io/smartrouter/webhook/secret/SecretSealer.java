package io.smartrouter.webhook.secret;

import io.smartrouter.webhook.delivery.signing.SigningSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals signing secrets at rest: AES-256-GCM with a random 96-bit nonce, the owner (endpoint id) as associated data so
 * a sealed secret cannot be moved to another endpoint. The key comes from a local key file in the embedded default
 * (created on first start, owner-only) and from {@code SMARTROUTER_WEBHOOK_SECRETS_KEY} in production; whoever holds
 * the key and the database can sign webhooks, so production keeps them apart.
 */
public final class SecretSealer {

    static final String ENVIRONMENT_VARIABLE = "SMARTROUTER_WEBHOOK_SECRETS_KEY";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String FORMAT = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretSealer(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The webhook secrets key must be 32 bytes (base64-encoded)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key of a local key file, created with owner-only permissions on first use. */
    public static SecretSealer fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[KEY_BYTES];
                RANDOM.nextBytes(key);
                Path temporary = file.resolveSibling(file.getFileName() + ".new");
                Files.deleteIfExists(temporary);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(temporary,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                Files.move(temporary, file);
            }
            return new SecretSealer(decode(Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook secrets key file " + file, e);
        }
    }

    public static SecretSealer fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The production profile needs " + ENVIRONMENT_VARIABLE
                    + " (base64 of 32 random bytes) to seal webhook secrets");
        }
        return new SecretSealer(decode(value, ENVIRONMENT_VARIABLE));
    }

    public String seal(SigningSecret secret, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.keyBytes());
            return FORMAT + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public SigningSecret open(String sealed, String owner) {
        if (!sealed.startsWith(FORMAT)) {
            throw new IllegalStateException("Unknown sealed secret format");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return SigningSecret.ofKey(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed webhook secret does not open with this key (wrong key or owner)");
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length == KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // answered below without echoing the value
        }
        throw new IllegalStateException(what + " must hold a base64-encoded 32-byte key");
    }
}
