package io.smartrouter.vault.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The vault's settings ({@code smartrouter.vault.*}).
 *
 * @param keys the key backend: {@code local-file} (embedded default) or {@code environment} (production)
 * @param keyFile where the local key file lives
 * @param cvcRetention how long a CVC is held in memory for the first authorization
 */
@ConfigurationProperties("smartrouter.vault")
public record VaultProperties(String keys, Path keyFile, Duration cvcRetention) {

    public VaultProperties {
        keys = keys == null ? "local-file" : keys;
        cvcRetention = cvcRetention == null ? Duration.ofHours(1) : cvcRetention;
    }
}
