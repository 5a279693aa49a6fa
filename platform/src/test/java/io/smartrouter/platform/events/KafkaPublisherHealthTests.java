package io.smartrouter.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaPublisherHealthTests {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor publisher = mock(StreamingEventProcessor.class);
    private final KafkaPublisherHealth health = new KafkaPublisherHealth(processing);

    @Test
    void aRunningPublisherIsUpAndSaysWhetherItIsRetrying() {
        registered();
        when(publisher.isRunning()).thenReturn(true);
        when(publisher.isError()).thenReturn(true);

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getDetails()).containsEntry("retrying", true);
    }

    @Test
    void aStoppedPublisherIsDown() {
        registered();
        when(publisher.isRunning()).thenReturn(false);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void withoutAPublisherItCannotTell() {
        when(processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.empty());

        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    private void registered() {
        when(processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.of(publisher));
    }
}
