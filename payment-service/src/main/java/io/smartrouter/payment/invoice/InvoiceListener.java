package io.smartrouter.payment.invoice;

import io.smartrouter.platform.events.EventHandlers;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link KnownInvoices} from the invoice service's events, once per event id. */
@Component
class InvoiceListener {

    private final EventHandlers handlers;

    InvoiceListener(KnownInvoices invoices, ProcessedEvents processed) {
        this.handlers = EventHandlers.of(KnownInvoices.CONSUMER, processed)
                .on(InvoiceCreatedEvent.class, invoices::on)
                .on(InvoiceCustomerAssignedEvent.class, invoices::on);
    }

    @KafkaListener(topics = Topics.INVOICES, groupId = KnownInvoices.CONSUMER, batch = "true")
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        handlers.handleAll(records);
    }
}
