package io.smartrouter.invoice.config;

import io.smartrouter.invoice.invoice.command.Invoice;
import io.smartrouter.platform.events.EventTopics;
import io.smartrouter.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The invoice service publishes its Invoice aggregate's events to the invoices topic. */
@Configuration(proxyBeanMethods = false)
class InvoiceEventsConfiguration {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of(Invoice.class.getSimpleName(), Topics.INVOICES);
    }
}
