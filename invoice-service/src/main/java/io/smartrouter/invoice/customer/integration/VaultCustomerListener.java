package io.smartrouter.invoice.customer.integration;

import io.smartrouter.invoice.customer.query.KnownCustomers;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventPayloads;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link KnownCustomers} from the vault's customer events on Kafka. Delivery is at-least-once, so each event is
 * applied once per event id ({@link ProcessedEvents}); the vault's other events are skipped without being recorded.
 */
@Component
class VaultCustomerListener {

    static final String CONSUMER = "invoice-service.vault-customers";

    private final KnownCustomers customers;
    private final ProcessedEvents processed;

    VaultCustomerListener(KnownCustomers customers, ProcessedEvents processed) {
        this.customers = customers;
        this.processed = processed;
    }

    @KafkaListener(topics = Topics.VAULT, groupId = CONSUMER)
    void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope envelope = record.value();
        String type = envelope.getEventType();
        if (type.equals(CustomerCreatedEvent.class.getName())) {
            var event = (CustomerCreatedEvent) EventPayloads.decode(envelope.getPayload());
            processed.processOnce(CONSUMER, envelope.getEventId(), () -> customers.on(event));
        } else if (type.equals(CustomerDeletedEvent.class.getName())) {
            var event = (CustomerDeletedEvent) EventPayloads.decode(envelope.getPayload());
            processed.processOnce(CONSUMER, envelope.getEventId(), () -> customers.on(event));
        }
    }
}
