package io.smartrouter.payment.gateway.settings;

import io.smartrouter.payment.gateway.api.SealedSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals gateway settings (PSP credentials) with AES-256-GCM, bound to their project and configuration (associated
 * data), so a ciphertext copied onto another configuration does not open. One 32-byte master key, from a local key
 * file (the embedded default: created on first use, owner-only) or from the environment (production); the encryption
 * and fingerprint keys are derived from it. Nothing here logs or echoes a setting's value.
 */
public final class SettingsCipher {

    /** The environment variable holding the base64 master key in production. */
    public static final String ENVIRONMENT_KEY = "SMARTROUTER_PAYMENT_SETTINGS_KEY";
    static final int KEY_BYTES = 32;
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int FINGERPRINT_CHARS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec fingerprintKey;

    public SettingsCipher(byte[] masterKey) {
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalStateException("The gateway settings key must be 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "gateway-settings-encryption"), "AES");
        this.fingerprintKey = new SecretKeySpec(derive(masterKey, "gateway-settings-fingerprint"), "HmacSHA256");
    }

    /** The key in {@code file}, created (random, owner-only) when missing. */
    public static SettingsCipher fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[KEY_BYTES];
                RANDOM.nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = file.resolveSibling(file.getFileName() + ".new");
                Files.deleteIfExists(temporary);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(temporary);
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new SettingsCipher(decode(Files.readString(file, StandardCharsets.US_ASCII),
                    "The gateway settings key file " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the gateway settings key file " + file, e);
        }
    }

    /** The key in {@link #ENVIRONMENT_KEY}; refuses to start without one. */
    public static SettingsCipher fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_KEY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The payment service needs " + ENVIRONMENT_KEY + " in the environment");
        }
        return new SettingsCipher(decode(value, ENVIRONMENT_KEY));
    }

    /** Seals {@code settings} for one configuration of one project. */
    public SealedSettings seal(String projectId, String gatewayConfigurationId, Map<String, String> settings) {
        byte[] clear = JSON.writeValueAsBytes(new TreeMap<>(settings));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context(projectId, gatewayConfigurationId));
            byte[] sealed = cipher.doFinal(clear);
            byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
            out[0] = FORMAT;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
            return new SealedSettings(out, List.copyOf(new TreeMap<>(settings).keySet()), fingerprint(projectId, clear));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Gateway settings could not be encrypted", e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** The clear settings of a sealed configuration; fails if the ciphertext was altered or belongs elsewhere. */
    public Map<String, String> open(String projectId, String gatewayConfigurationId, SealedSettings settings) {
        byte[] sealed = settings.ciphertext();
        if (sealed.length < 1 + NONCE_BYTES || sealed[0] != FORMAT) {
            throw new IllegalStateException("Gateway settings of " + gatewayConfigurationId + " are not in a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(context(projectId, gatewayConfigurationId));
            byte[] clear = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            try {
                return Map.copyOf(JSON.readValue(clear, new TypeReference<Map<String, String>>() { }));
            } finally {
                Arrays.fill(clear, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Gateway settings of " + gatewayConfigurationId
                    + " could not be decrypted (wrong key, or not this configuration's)", e);
        }
    }

    private String fingerprint(String projectId, byte[] clear) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            mac.update(projectId.getBytes(StandardCharsets.UTF_8));
            String full = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(clear));
            return full.substring(0, FINGERPRINT_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] context(String projectId, String gatewayConfigurationId) {
        return ("gateway-settings|" + projectId + "|" + gatewayConfigurationId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length == KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // answered below, without echoing the value
        }
        throw new IllegalStateException(what + " must hold a base64-encoded 32-byte key");
    }
}
