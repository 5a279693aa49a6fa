package io.smartrouter.vault.keys;

import javax.crypto.SecretKey;

/**
 * The vault's key-encryption keys (KEKs), by version, and the key behind card fingerprints. One implementation per key
 * backend: {@link LocalKeyFile} for the embedded default, {@link EnvironmentKeys} for production; a KMS or HashiCorp
 * Vault backend would be a third. KEKs never encrypt card data themselves: they wrap the per-card data keys.
 */
public interface KeyEncryptionKeys {

    /** The version new data keys are wrapped with. */
    int currentVersion();

    /** The KEK of {@code version}; old versions stay readable until every data key under them was re-wrapped. */
    SecretKey key(int version);

    /** The secret behind card fingerprints; it never rotates, or fingerprints would change. */
    byte[] fingerprintKey();

    /**
     * Starts a rotation: a backend that creates keys makes a new version current; one whose keys an operator
     * provisions (the environment) keeps the newest version it was given. Returns the version that is now current.
     */
    int rotate();
}
