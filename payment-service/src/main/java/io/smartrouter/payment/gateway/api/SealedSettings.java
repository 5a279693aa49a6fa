package io.smartrouter.payment.gateway.api;

import java.util.Arrays;
import java.util.List;

/**
 * A gateway configuration's settings as they may travel and be stored: AES-256-GCM ciphertext, the setting names and a
 * keyed fingerprint. The clear settings exist only while a request is validated and while a connector is made.
 */
public record SealedSettings(byte[] ciphertext, List<String> keys, String fingerprint) {

    public SealedSettings {
        ciphertext = ciphertext.clone();
        keys = List.copyOf(keys);
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSettings that && Arrays.equals(ciphertext, that.ciphertext)
                && keys.equals(that.keys) && fingerprint.equals(that.fingerprint);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext) * 31 + fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "SealedSettings" + keys + "#" + fingerprint;
    }
}
