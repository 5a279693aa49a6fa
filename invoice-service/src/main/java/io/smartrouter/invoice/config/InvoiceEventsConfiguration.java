package io.smartrouter.invoice.config;

import io.smartrouter.invoice.invoice.command.Invoice;
import io.smartrouter.platform.events.EventTopics;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.schemas.Topics;
import java.time.Clock;
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

    /** Makes the listeners of other services' events idempotent. */
    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new ProcessedEvents(jdbc, transactions, clock);
    }
}
