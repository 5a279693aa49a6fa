package io.smartrouter.vault.keys;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys in a local properties file, created on first use with owner-only permissions: the embedded default, where
 * {@code make run} must work with nothing else. Anyone who can read the file and the database can read the PANs, so
 * production uses {@link EnvironmentKeys} (or a KMS) instead.
 */
public final class LocalKeyFile implements KeyEncryptionKeys {

    static final int KEY_BYTES = 32;
    private static final String KEK_PREFIX = "kek.";
    private static final String FINGERPRINT = "fingerprint";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final TreeMap<Integer, SecretKey> keks = new TreeMap<>();
    private byte[] fingerprintKey;

    public LocalKeyFile(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        } else {
            keks.put(1, newKey());
            fingerprintKey = randomBytes();
            save();
        }
    }

    @Override
    public synchronized int currentVersion() {
        return keks.lastKey();
    }

    @Override
    public synchronized SecretKey key(int version) {
        SecretKey key = keks.get(version);
        if (key == null) {
            throw new IllegalStateException("Key-encryption key version " + version + " is not in " + file);
        }
        return key;
    }

    @Override
    public byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }

    @Override
    public synchronized int rotate() {
        int next = currentVersion() + 1;
        keks.put(next, newKey());
        save();
        return next;
    }

    private void load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vault key file " + file, e);
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(KEK_PREFIX)) {
                keks.put(Integer.parseInt(name.substring(KEK_PREFIX.length())),
                        new SecretKeySpec(decodeKey(properties.getProperty(name), "The vault key file " + file + " key " + name), "AES"));
            }
        }
        String fingerprint = properties.getProperty(FINGERPRINT);
        if (keks.isEmpty() || fingerprint == null) {
            throw new IllegalStateException("The vault key file " + file + " has no key-encryption key or fingerprint key");
        }
        fingerprintKey = decodeKey(fingerprint, "The vault key file " + file + " key " + FINGERPRINT);
    }

    /** Writes a new file next to the old one, then moves it over, so a crash never leaves a half-written key file. */
    private void save() {
        Properties properties = new Properties();
        keks.forEach((version, key) -> properties.setProperty(KEK_PREFIX + version,
                Base64.getEncoder().encodeToString(key.getEncoded())));
        properties.setProperty(FINGERPRINT, Base64.getEncoder().encodeToString(fingerprintKey));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temporary);
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
                properties.store(writer, "Smart Router vault keys: back this file up; losing it loses every stored card");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the vault key file " + file, e);
        }
    }

    /**
     * A base64-encoded 32-byte key; anything else is refused at start-up (not at the first card), and the message
     * never repeats the value.
     */
    static byte[] decodeKey(String base64, String what) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length == KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // answered below, without echoing the value
        }
        throw new IllegalStateException(what + " must be a base64-encoded 32-byte key");
    }

    private static SecretKey newKey() {
        return new SecretKeySpec(randomBytes(), "AES");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
