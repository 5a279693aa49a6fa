package io.smartrouter.invoice.config;

import io.smartrouter.invoice.invoice.command.Invoice;
import io.smartrouter.platform.events.EventTopics;
import io.smartrouter.platform.events.OwnerLookup;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The invoice service publishes its Invoice aggregate's events to the invoices topic, and consumes the vault's customer
 * events (see {@code VaultCustomerListener}).
 */
@Configuration(proxyBeanMethods = false)
class InvoiceEventsConfiguration {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of(Invoice.class.getSimpleName(), Topics.INVOICES);
    }

    /** The vault, asked whether a customer not heard of exists (ADR 0025). */
    @Bean
    OwnerLookup vaultCustomers(@Value("${smartrouter.invoice.vault-url:http://127.0.0.1:8082}") String vaultUrl,
            InternalCalls internalCalls) {
        return new OwnerLookup(vaultUrl, "customers", internalCalls, Duration.ofSeconds(2));
    }

    /** Makes the listeners of other services' events idempotent. */
    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new ProcessedEvents(jdbc, transactions, clock);
    }
}
