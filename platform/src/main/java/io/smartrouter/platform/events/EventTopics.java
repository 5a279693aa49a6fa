package io.smartrouter.platform.events;

import java.util.Map;
import java.util.Set;

/**
 * Which Kafka topic each aggregate type of a service publishes to. A service declares one bean of this type; the
 * publisher then streams every event of those aggregates from the event store to their topic.
 */
public final class EventTopics {

    private final Map<String, String> topicByAggregateType;
    private final Set<String> internalAggregateTypes;

    private EventTopics(Map<String, String> topicByAggregateType, Set<String> internalAggregateTypes) {
        this.topicByAggregateType = Map.copyOf(topicByAggregateType);
        this.internalAggregateTypes = Set.copyOf(internalAggregateTypes);
    }

    /** E.g. {@code EventTopics.of("Invoice", Topics.INVOICES)}. */
    public static EventTopics of(String aggregateType, String topic) {
        return new EventTopics(Map.of(aggregateType, topic), Set.of());
    }

    public static EventTopics of(Map<String, String> topicByAggregateType) {
        return new EventTopics(topicByAggregateType, Set.of());
    }

    /**
     * These topics, and aggregate types whose events stay in the service's event store and are never published (e.g.
     * configuration holding encrypted credentials): named explicitly, so forgetting a type still fails loudly.
     */
    public EventTopics withInternal(String... aggregateTypes) {
        return new EventTopics(topicByAggregateType, Set.of(aggregateTypes));
    }

    /** Whether the events of an aggregate type go to Kafka at all. */
    public boolean isPublished(String aggregateType) {
        return !internalAggregateTypes.contains(aggregateType);
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
