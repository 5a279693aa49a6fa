package io.smartrouter.vault.keys;

import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys an operator provisions in the environment (from a secrets manager): {@code SMARTROUTER_VAULT_KEKS} lists the
 * versions as {@code 1:<base64 32 bytes>,2:<base64 32 bytes>} and the highest is current;
 * {@code SMARTROUTER_VAULT_FINGERPRINT_KEY} is base64. To rotate: add a version, restart the vault instances one by
 * one, then run the rotation, which re-wraps every data key under the new version; drop the old version afterwards.
 */
public final class EnvironmentKeys implements KeyEncryptionKeys {

    private final TreeMap<Integer, SecretKey> keks = new TreeMap<>();
    private final byte[] fingerprintKey;

    public EnvironmentKeys(String keks, String fingerprintKey) {
        if (keks == null || keks.isBlank() || fingerprintKey == null || fingerprintKey.isBlank()) {
            throw new IllegalStateException(
                    "The vault needs SMARTROUTER_VAULT_KEKS and SMARTROUTER_VAULT_FINGERPRINT_KEY in the environment");
        }
        for (String entry : keks.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            byte[] key = LocalKeyFile.decodeKey(parts.length == 2 ? parts[1] : "", "Each SMARTROUTER_VAULT_KEKS entry");
            try {
                this.keks.put(Integer.parseInt(parts[0]), new SecretKeySpec(key, "AES"));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("SMARTROUTER_VAULT_KEKS entries must look like <version>:<base64 key>");
            }
        }
        this.fingerprintKey = LocalKeyFile.decodeKey(fingerprintKey, "SMARTROUTER_VAULT_FINGERPRINT_KEY");
    }

    /** From {@code System.getenv()}. */
    public static EnvironmentKeys fromEnvironment(Map<String, String> environment) {
        return new EnvironmentKeys(environment.get("SMARTROUTER_VAULT_KEKS"),
                environment.get("SMARTROUTER_VAULT_FINGERPRINT_KEY"));
    }

    @Override
    public int currentVersion() {
        return keks.lastKey();
    }

    @Override
    public SecretKey key(int version) {
        SecretKey key = keks.get(version);
        if (key == null) {
            throw new IllegalStateException("Key-encryption key version " + version + " is not in SMARTROUTER_VAULT_KEKS");
        }
        return key;
    }

    @Override
    public byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }

    @Override
    public int rotate() {
        return currentVersion();
    }
}
