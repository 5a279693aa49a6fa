package io.smartrouter.vault.keys;

/**
 * A PAN under envelope encryption: its ciphertext (AES-256-GCM under a data key of its own) and that data key wrapped
 * by the key-encryption key of {@code kekVersion}. Each byte array is a 12-byte nonce followed by ciphertext and tag.
 */
public record SealedPan(int kekVersion, byte[] wrappedKey, byte[] ciphertext) {

    public SealedPan {
        wrappedKey = wrappedKey.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "SealedPan[kekVersion=" + kekVersion + "]";
    }
}
