package io.smartrouter.vault.card.vault;

import io.smartrouter.vault.config.VaultProperties;
import io.smartrouter.vault.keys.CardFingerprints;
import io.smartrouter.vault.keys.EnvelopeEncryption;
import io.smartrouter.vault.keys.KeyEncryptionKeys;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the card vault: sealed PAN storage, held CVCs, and key rotation over the configured key backend. */
@Configuration(proxyBeanMethods = false)
class CardVaultConfiguration {

    @Bean
    EnvelopeEncryption envelopeEncryption(KeyEncryptionKeys keys) {
        return new EnvelopeEncryption(keys);
    }

    @Bean
    CardVault cardVault(EnvelopeEncryption encryption, KeyEncryptionKeys keys, SealedCardRepository sealedCards,
            CommandGateway commands, PlatformTransactionManager transactionManager, VaultProperties properties,
            Clock clock) {
        return new CardVault(encryption, new CardFingerprints(keys), sealedCards,
                new HeldCvcs(properties.cvcRetention(), clock), commands,
                new TransactionTemplate(transactionManager), clock);
    }

    @Bean
    KeyRotation keyRotation(KeyEncryptionKeys keys, EnvelopeEncryption encryption, SealedCardRepository sealedCards,
            PlatformTransactionManager transactionManager) {
        return new KeyRotation(keys, encryption, sealedCards, new TransactionTemplate(transactionManager));
    }
}
