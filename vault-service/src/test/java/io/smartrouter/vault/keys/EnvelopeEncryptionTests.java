package io.smartrouter.vault.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.platform.card.Pan;
import io.smartrouter.platform.id.CardId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeEncryptionTests {

    private static final Pan PAN = Pan.parse("4242424242424242");

    @TempDir
    Path directory;

    private LocalKeyFile keys;
    private EnvelopeEncryption encryption;
    private String cardId;

    @BeforeEach
    void setUp() {
        keys = new LocalKeyFile(directory.resolve("vault-keys.properties"));
        encryption = new EnvelopeEncryption(keys);
        cardId = CardId.newId().value();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4242424242424242", "378282246310005", "424242424242", "4242424242424242424"})
    void opensWhatItSealed(String number) {
        Pan pan = Pan.parse(number);
        SealedPan sealed = encryption.seal(cardId, pan);

        assertThat(sealed.kekVersion()).isEqualTo(1);
        assertThat(encryption.open(cardId, sealed)).isEqualTo(pan);
    }

    @Test
    void theCiphertextDoesNotContainTheNumber() {
        SealedPan sealed = encryption.seal(cardId, PAN);

        byte[] digits = PAN.digits().getBytes(StandardCharsets.US_ASCII);
        assertThat(indexOf(sealed.ciphertext(), digits)).isEqualTo(-1);
        assertThat(indexOf(sealed.wrappedKey(), digits)).isEqualTo(-1);
        assertThat(indexOf(sealed.ciphertext(), PAN.last4().getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(sealed.toString()).doesNotContain(PAN.digits());
    }

    @Test
    void sealingTheSameNumberTwiceGivesUnrelatedCiphertexts() {
        assertThat(encryption.seal(cardId, PAN).ciphertext()).isNotEqualTo(encryption.seal(cardId, PAN).ciphertext());
    }

    @Test
    void aSealCopiedOntoAnotherCardDoesNotOpen() {
        SealedPan sealed = encryption.seal(cardId, PAN);

        assertThatThrownBy(() -> encryption.open(CardId.newId().value(), sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(PAN.digits());
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        SealedPan sealed = encryption.seal(cardId, PAN);
        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] ciphertext = sealed.ciphertext();
            ciphertext[i] ^= 1;
            SealedPan tampered = new SealedPan(sealed.kekVersion(), sealed.wrappedKey(), ciphertext);
            assertThatThrownBy(() -> encryption.open(cardId, tampered))
                    .as("byte %d flipped", i)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aTamperedWrappedKeyDoesNotOpen() {
        SealedPan sealed = encryption.seal(cardId, PAN);
        byte[] wrappedKey = sealed.wrappedKey();
        wrappedKey[wrappedKey.length - 1] ^= 1;

        assertThatThrownBy(() -> encryption.open(cardId, new SealedPan(1, wrappedKey, sealed.ciphertext())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSealDoesNotOpenUnderAnotherKeyVersion() {
        SealedPan sealed = encryption.seal(cardId, PAN);
        keys.rotate();

        assertThatThrownBy(() -> encryption.open(cardId, new SealedPan(2, sealed.wrappedKey(), sealed.ciphertext())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationNewSealsUseTheNewVersionAndOldOnesStillOpen() {
        SealedPan before = encryption.seal(cardId, PAN);

        assertThat(keys.rotate()).isEqualTo(2);
        String otherCard = CardId.newId().value();
        SealedPan after = encryption.seal(otherCard, PAN);

        assertThat(after.kekVersion()).isEqualTo(2);
        assertThat(encryption.open(otherCard, after)).isEqualTo(PAN);
        assertThat(before.kekVersion()).isEqualTo(1);
        assertThat(encryption.open(cardId, before)).isEqualTo(PAN);
    }

    @Test
    void rewrapMovesTheDataKeyToTheCurrentVersionAndKeepsTheCiphertext() {
        SealedPan before = encryption.seal(cardId, PAN);
        keys.rotate();

        SealedPan rewrapped = encryption.rewrap(cardId, before);

        assertThat(rewrapped.kekVersion()).isEqualTo(2);
        assertThat(rewrapped.ciphertext()).isEqualTo(before.ciphertext());
        assertThat(rewrapped.wrappedKey()).isNotEqualTo(before.wrappedKey());
        assertThat(encryption.open(cardId, rewrapped)).isEqualTo(PAN);
    }

    @Test
    void rewrapRefusesAnotherCardsSeal() {
        SealedPan sealed = encryption.seal(cardId, PAN);
        keys.rotate();

        assertThatThrownBy(() -> encryption.rewrap(CardId.newId().value(), sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
