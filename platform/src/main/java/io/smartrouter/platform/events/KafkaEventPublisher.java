package io.smartrouter.platform.events;

import io.smartrouter.schemas.EventHeaders;
import io.smartrouter.schemas.envelope.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Streams a service's domain events from its Axon event store to Kafka: the event store is the outbox. It runs in a
 * tracking processor whose token only advances once Kafka acknowledged every event of the batch ({@code acks=all},
 * idempotent producer), so an event is never lost; a failure rolls the batch back and the processor retries it, so an
 * event may be published more than once and consumers deduplicate on the envelope's event id.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, EventEnvelope> kafka;
    private final EventTopics topics;
    private final Duration sendTimeout;

    public KafkaEventPublisher(KafkaTemplate<String, EventEnvelope> kafka, EventTopics topics, Duration sendTimeout) {
        this.kafka = kafka;
        this.topics = topics;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    public void publish(Object payload, DomainEventMessage<?> event) {
        if (!topics.isPublished(event.getType())) {
            return;
        }
        EventEnvelope envelope = EventEnvelopes.toEnvelope(event);
        var record = new ProducerRecord<>(topics.topicFor(event.getType()), null,
                event.getTimestamp().toEpochMilli(), event.getAggregateIdentifier(), envelope, headers(envelope));
        pendingSendsOfBatch().add(kafka.send(record));
    }

    /** Sends of one batch go out concurrently; the batch commits only after Kafka acknowledged all of them. */
    private List<CompletableFuture<SendResult<String, EventEnvelope>>> pendingSendsOfBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, EventEnvelope>>> pending = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, EventEnvelope>>> pending) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (CompletableFuture<SendResult<String, EventEnvelope>> send : pending) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublicationException("Interrupted while publishing events to Kafka", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new EventPublicationException("Kafka did not acknowledge an event; the batch will be retried", e);
            }
        }
    }

    private static RecordHeaders headers(EventEnvelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_ID, envelope.getEventId());
        add(headers, EventHeaders.EVENT_TYPE, envelope.getEventType());
        add(headers, EventHeaders.AGGREGATE_TYPE, envelope.getAggregateType());
        add(headers, EventHeaders.AGGREGATE_ID, envelope.getAggregateId());
        add(headers, EventHeaders.PROJECT_ID, envelope.getProjectId());
        add(headers, EventHeaders.CORRELATION_ID, envelope.getCorrelationId());
        add(headers, EventHeaders.TRACEPARENT, envelope.getTraceparent());
        add(headers, EventHeaders.CONTENT_TYPE, EventHeaders.AVRO_SINGLE_OBJECT);
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Publication failed; the processor releases its claim, backs off and retries the batch. */
    public static class EventPublicationException extends RuntimeException {
        EventPublicationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
