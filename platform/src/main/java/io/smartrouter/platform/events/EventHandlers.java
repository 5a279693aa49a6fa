package io.smartrouter.platform.events;

import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventPayloads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer's handlers of other services' events, by event type, each applied once per event id
 * ({@link ProcessedEvents}). Events of other types are skipped without being recorded or even decoded.
 */
public final class EventHandlers {

    private final String consumer;
    private final ProcessedEvents processed;
    private final Map<String, Consumer<SpecificRecord>> byType = new HashMap<>();

    private EventHandlers(String consumer, ProcessedEvents processed) {
        this.consumer = consumer;
        this.processed = processed;
    }

    /** Handlers for the consumer (group) named {@code consumer}. */
    public static EventHandlers of(String consumer, ProcessedEvents processed) {
        return new EventHandlers(consumer, processed);
    }

    public <T extends SpecificRecord> EventHandlers on(Class<T> type, Consumer<T> handler) {
        byType.put(type.getName(), record -> handler.accept(type.cast(record)));
        return this;
    }

    /**
     * Applies a batch listener's records, each once per event id, in one transaction
     * ({@link ProcessedEvents#processBatch}); records whose type has no handler are skipped without being recorded or
     * even decoded.
     */
    public void handleAll(List<ConsumerRecord<String, EventEnvelope>> records) {
        processed.processRecords(consumer, records, envelope -> byType.containsKey(envelope.getEventType()),
                envelope -> byType.get(envelope.getEventType()).accept(EventPayloads.decode(envelope.getPayload())));
    }
}
