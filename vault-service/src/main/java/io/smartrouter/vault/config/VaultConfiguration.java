package io.smartrouter.vault.config;

import io.smartrouter.platform.events.EventTopics;
import io.smartrouter.schemas.Topics;
import io.smartrouter.vault.card.command.Card;
import io.smartrouter.vault.customer.command.Customer;
import io.smartrouter.vault.keys.EnvironmentKeys;
import io.smartrouter.vault.keys.KeyEncryptionKeys;
import io.smartrouter.vault.keys.LocalKeyFile;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vault's key backend, and the vault topic every Card and Customer event is published to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultProperties.class)
class VaultConfiguration {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of(Map.of(Card.class.getSimpleName(), Topics.VAULT,
                Customer.class.getSimpleName(), Topics.VAULT));
    }

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(VaultProperties properties) {
        return switch (properties.keys()) {
            case "local-file" -> new LocalKeyFile(properties.keyFile());
            case "environment" -> EnvironmentKeys.fromEnvironment(System.getenv());
            default -> throw new IllegalStateException(
                    "smartrouter.vault.keys must be local-file or environment, not " + properties.keys());
        };
    }
}
