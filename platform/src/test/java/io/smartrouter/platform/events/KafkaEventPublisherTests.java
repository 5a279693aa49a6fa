package io.smartrouter.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.smartrouter.schemas.EventHeaders;
import io.smartrouter.schemas.envelope.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class KafkaEventPublisherTests {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, EventEnvelope> kafka = mock(KafkaTemplate.class);
    private final List<ProducerRecord<String, EventEnvelope>> sent = new ArrayList<>();
    private final KafkaEventPublisher publisher = new KafkaEventPublisher(kafka, EventTopics.of("Invoice", "invoices"),
            Duration.ofSeconds(2));

    @Test
    void sendsToTheAggregatesTopicKeyedByAggregateIdWithHeaders() {
        acknowledgeEverySend();
        var event = event("iv_1", 0);

        inBatch(() -> publisher.publish(event.getPayload(), event));

        assertThat(sent).hasSize(1);
        var record = sent.get(0);
        assertThat(record.topic()).isEqualTo("invoices");
        assertThat(record.key()).isEqualTo("iv_1");
        assertThat(record.timestamp()).isEqualTo(EventEnvelopesTests.CREATED.toEpochMilli());
        assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(record.value().getEventId());
    }

    @Test
    void theBatchFailsWhenKafkaDoesNotAcknowledgeSoTheTokenDoesNotAdvance() {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        var event = event("iv_1", 0);

        assertThatThrownBy(() -> inBatch(() -> publisher.publish(event.getPayload(), event)))
                .isInstanceOf(KafkaEventPublisher.EventPublicationException.class);
    }

    @Test
    void theBatchFailsWhenAnAcknowledgementTakesTooLong() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(new CompletableFuture<>());
        var quick = new KafkaEventPublisher(kafka, EventTopics.of("Invoice", "invoices"), Duration.ofMillis(50));
        var event = event("iv_1", 0);

        assertThatThrownBy(() -> inBatch(() -> quick.publish(event.getPayload(), event)))
                .isInstanceOf(KafkaEventPublisher.EventPublicationException.class);
    }

    @Test
    void anAggregateWithoutTopicIsAConfigurationErrorNotASilentDrop() {
        var event = new GenericDomainEventMessage<>("Payment", "tr_1", 0, EventEnvelopesTests.CREATED_EVENT,
                MetaData.emptyInstance());
        assertThatThrownBy(() -> inBatch(() -> publisher.publish(event.getPayload(), event)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Payment");
    }

    @Test
    void anInternalAggregateTypeIsNeverPublished() {
        acknowledgeEverySend();
        var internal = new KafkaEventPublisher(kafka, EventTopics.of("Invoice", "invoices").withInternal("Payment"),
                Duration.ofSeconds(2));
        var event = new GenericDomainEventMessage<>("Payment", "tr_1", 0, EventEnvelopesTests.CREATED_EVENT,
                MetaData.emptyInstance());

        inBatch(() -> internal.publish(event.getPayload(), event));

        assertThat(sent).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void acknowledgeEverySend() {
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            sent.add(invocation.getArgument(0));
            return CompletableFuture.completedFuture(mock(SendResult.class));
        });
    }

    private static GenericDomainEventMessage<?> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Invoice", aggregateId, sequence, EventEnvelopesTests.CREATED_EVENT,
                MetaData.emptyInstance(), "id-" + aggregateId + "-" + sequence, EventEnvelopesTests.CREATED);
    }

    private static void inBatch(Runnable work) {
        DefaultUnitOfWork.startAndGet(null).execute(work);
    }
}
