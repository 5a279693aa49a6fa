package io.smartrouter.platform.events;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The service's Kafka publisher in its health: DOWN once the processor has stopped, since nothing the service commits
 * reaches Kafka, webhooks or the other services any more while it goes on answering requests (ADR 0028 found one
 * stopped for good, with one line in the log). A publisher retrying a failed batch (Kafka away) is still UP, with
 * {@code retrying: true}: it resumes by itself.
 */
public final class KafkaPublisherHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    public KafkaPublisherHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(publisher -> publisher.isRunning()
                        ? Health.up().withDetail("retrying", publisher.isError()).build()
                        : Health.down().withDetail("reason", "stopped: committed events are not published").build())
                .orElseGet(() -> Health.unknown().build());
    }
}
