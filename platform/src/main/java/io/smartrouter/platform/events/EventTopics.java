package io.smartrouter.platform.events;

import java.util.Map;

/**
 * Which Kafka topic each aggregate type of a service publishes to. A service declares one bean of this type; the
 * publisher then streams every event of those aggregates from the event store to their topic.
 */
public final class EventTopics {

    private final Map<String, String> topicByAggregateType;

    private EventTopics(Map<String, String> topicByAggregateType) {
        this.topicByAggregateType = Map.copyOf(topicByAggregateType);
    }

    /** E.g. {@code EventTopics.of("Invoice", Topics.INVOICES)}. */
    public static EventTopics of(String aggregateType, String topic) {
        return new EventTopics(Map.of(aggregateType, topic));
    }

    public static EventTopics of(Map<String, String> topicByAggregateType) {
        return new EventTopics(topicByAggregateType);
    }

    /** The topic of an aggregate type; an unmapped type is a deployment error, never a silent drop. */
    public String topicFor(String aggregateType) {
        String topic = topicByAggregateType.get(aggregateType);
        if (topic == null) {
            throw new IllegalStateException("No Kafka topic is configured for aggregate type " + aggregateType);
        }
        return topic;
    }
}
