package io.smartrouter.webhook.event.integration;

import io.smartrouter.platform.events.BatchingConsumer;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventPayloads;
import io.smartrouter.webhook.delivery.worker.DeliveryWorker;
import io.smartrouter.webhook.event.mapping.PublicEventTypes;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the event log of the other services. Each domain event of a poll is turned into its public event and
 * deliveries in one database transaction for the poll that also records the event ids as processed
 * ({@link ProcessedEvents}); the Kafka offsets are committed only after that, so a crash in between redelivers the
 * records and the transaction either happened (the ids are known: skipped) or did not (done now). Then the worker is
 * woken.
 */
@Component
class DomainEventListener {

    static final String CONSUMER = "webhook-dispatcher.events";
    private static final Logger log = LoggerFactory.getLogger(DomainEventListener.class);

    private final PublicEventIntake intake;
    private final ProcessedEvents processed;
    private final DeliveryWorker worker;

    DomainEventListener(PublicEventIntake intake, ProcessedEvents processed, DeliveryWorker worker) {
        this.intake = intake;
        this.processed = processed;
        this.worker = worker;
    }

    @KafkaListener(topics = {Topics.INVOICES, Topics.PAYMENTS, Topics.VAULT}, groupId = CONSUMER, batch = "true",
            properties = {BatchingConsumer.MIN_BYTES, BatchingConsumer.MAX_WAIT})
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        if (processed.processRecords(CONSUMER, records, envelope -> true, this::accept) > 0) {
            worker.wake();
        }
    }

    private void accept(EventEnvelope envelope) {
        SpecificRecord event = EventPayloads.decode(envelope.getPayload());
        if (!PublicEventTypes.knows(event.getClass())) {
            // A new domain event type nobody mapped yet: visible, never a stuck partition.
            log.warn("Domain event type {} has no public mapping; event {} skipped", envelope.getEventType(),
                    envelope.getEventId());
            return;
        }
        intake.accept(envelope.getEventId(), envelope.getProjectId(), envelope.getOccurredAt(), event);
    }
}
