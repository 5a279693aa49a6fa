package io.smartrouter.vault.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalKeyFileTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[LocalKeyFile.KEY_BYTES]);

    @TempDir
    Path directory;

    @Test
    void createsTheFileReadableByItsOwnerOnly() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = directory.resolve("keys/vault-keys.properties");

        LocalKeyFile keys = new LocalKeyFile(file);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(file.resolveSibling("vault-keys.properties.new")).doesNotExist();
        assertThat(keys.currentVersion()).isEqualTo(1);
        assertThat(keys.key(1).getEncoded()).hasSize(32);
        assertThat(keys.fingerprintKey()).hasSize(32);
    }

    @Test
    void reloadingTheFileGivesTheSameKeys() {
        Path file = directory.resolve("vault-keys.properties");
        LocalKeyFile created = new LocalKeyFile(file);

        LocalKeyFile reloaded = new LocalKeyFile(file);

        assertThat(reloaded.currentVersion()).isEqualTo(created.currentVersion());
        assertThat(reloaded.key(1).getEncoded()).isEqualTo(created.key(1).getEncoded());
        assertThat(reloaded.fingerprintKey()).isEqualTo(created.fingerprintKey());
    }

    @Test
    void twoFilesHaveUnrelatedKeys() {
        LocalKeyFile one = new LocalKeyFile(directory.resolve("one.properties"));
        LocalKeyFile two = new LocalKeyFile(directory.resolve("two.properties"));

        assertThat(one.key(1).getEncoded()).isNotEqualTo(two.key(1).getEncoded());
        assertThat(one.fingerprintKey()).isNotEqualTo(two.fingerprintKey());
    }

    @Test
    void aRotationIsPersistedAndKeepsTheOldVersion() throws IOException {
        Path file = directory.resolve("vault-keys.properties");
        LocalKeyFile keys = new LocalKeyFile(file);
        byte[] version1 = keys.key(1).getEncoded();
        byte[] fingerprint = keys.fingerprintKey();

        assertThat(keys.rotate()).isEqualTo(2);
        assertThat(keys.currentVersion()).isEqualTo(2);

        LocalKeyFile reloaded = new LocalKeyFile(file);
        assertThat(reloaded.currentVersion()).isEqualTo(2);
        assertThat(reloaded.key(1).getEncoded()).isEqualTo(version1);
        assertThat(reloaded.key(2).getEncoded()).isEqualTo(keys.key(2).getEncoded()).isNotEqualTo(version1);
        assertThat(reloaded.fingerprintKey()).isEqualTo(fingerprint);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void anUnknownVersionIsRefused() {
        LocalKeyFile keys = new LocalKeyFile(directory.resolve("vault-keys.properties"));

        assertThatThrownBy(() -> keys.key(2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFingerprintKeyCannotBeChangedThroughItsCopy() {
        LocalKeyFile keys = new LocalKeyFile(directory.resolve("vault-keys.properties"));
        byte[] copy = keys.fingerprintKey();
        byte[] original = copy.clone();
        copy[0] ^= 1;

        assertThat(keys.fingerprintKey()).isEqualTo(original);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "# nothing\n", "fingerprint=KEY", "kek.1=KEY"})
    void aFileWithoutKeysIsRefused(String content) throws IOException {
        Path file = directory.resolve("vault-keys.properties");
        Files.writeString(file, content.replace("KEY", KEY), StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new LocalKeyFile(file)).isInstanceOf(IllegalStateException.class);
    }

    /** A damaged file is refused when the vault starts, not when the first card is sealed or fingerprinted. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"kek.1=KEY\nfingerprint=", "kek.1=\nfingerprint=KEY", "kek.1=KEY\nfingerprint=SHORT",
        "kek.1=SHORT\nfingerprint=KEY", "kek.1=KEY\nkek.2=SHORT\nfingerprint=KEY", "kek.1=n0t-b4se64!\nfingerprint=KEY"})
    void aFileWithAKeyThatIsNot32BytesIsRefusedWithoutShowingIt(String content) throws IOException {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Path file = directory.resolve("vault-keys.properties");
        Files.writeString(file, content.replace("SHORT", shortKey).replace("KEY", KEY), StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new LocalKeyFile(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(shortKey).hasMessageNotContaining("n0t-b4se64");
    }
}
