package io.smartrouter.invoice.customer.integration;

import io.smartrouter.invoice.customer.query.KnownCustomers;
import io.smartrouter.platform.events.EventHandlers;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link KnownCustomers} from the vault's customer events on Kafka. Delivery is at-least-once, so each event is
 * applied once per event id; the vault's other events are skipped.
 */
@Component
class VaultCustomerListener {

    private final EventHandlers handlers;

    VaultCustomerListener(KnownCustomers customers, ProcessedEvents processed) {
        this.handlers = EventHandlers.of(KnownCustomers.CONSUMER, processed)
                .on(CustomerCreatedEvent.class, customers::on)
                .on(CustomerDeletedEvent.class, customers::on);
    }

    @KafkaListener(topics = Topics.VAULT, groupId = KnownCustomers.CONSUMER, batch = "true")
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        handlers.handleAll(records);
    }
}
