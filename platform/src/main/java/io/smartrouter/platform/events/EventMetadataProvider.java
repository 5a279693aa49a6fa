package io.smartrouter.platform.events;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies the project, correlation id and trace context of the message being handled onto every message it causes,
 * and records that message's id as their causation id. Replaces Axon's default origin provider, whose keys name
 * these two ids the other way round.
 */
public class EventMetadataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        copy(message, EventMetadata.PROJECT_ID, data);
        copy(message, EventMetadata.TRACEPARENT, data);
        Object correlation = message.getMetaData().get(EventMetadata.CORRELATION_ID);
        data.put(EventMetadata.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(EventMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> data) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
