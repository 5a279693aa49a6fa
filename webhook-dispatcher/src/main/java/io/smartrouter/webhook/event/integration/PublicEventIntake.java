package io.smartrouter.webhook.event.integration;

import io.smartrouter.webhook.delivery.worker.Deliveries;
import io.smartrouter.webhook.delivery.worker.DeliveryWorker;
import io.smartrouter.webhook.delivery.worker.Receiver;
import io.smartrouter.webhook.endpoint.api.EventTypes;
import io.smartrouter.webhook.endpoint.query.EndpointRecord;
import io.smartrouter.webhook.endpoint.query.WebhookEndpointRecords;
import io.smartrouter.webhook.event.mapping.ObjectFolds;
import io.smartrouter.webhook.event.mapping.PublicEventTypes;
import io.smartrouter.webhook.event.mapping.PublicObject;
import io.smartrouter.webhook.event.store.ObjectStates;
import io.smartrouter.webhook.event.store.PublicEvent;
import io.smartrouter.webhook.event.store.PublicEventStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one domain event into its public event and the deliveries of that event, in the caller's transaction: the
 * objects it changes are folded, the public event (if it has a public type) is stored with the object as of the event,
 * and a delivery is scheduled to each enabled endpoint of the project subscribed to the type, and to the invoice's own
 * {@code webhook_url}. Nothing is sent here: the {@link DeliveryWorker} picks the deliveries up after the commit.
 */
@Component
public class PublicEventIntake {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectStates states;
    private final PublicEventStore events;
    private final WebhookEndpointRecords endpoints;
    private final Deliveries deliveries;
    private final Clock clock;

    public PublicEventIntake(ObjectStates states, PublicEventStore events, WebhookEndpointRecords endpoints,
            Deliveries deliveries, Clock clock) {
        this.states = states;
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Answers the public event recorded, if the domain event has a public type. */
    public Optional<PublicEvent> accept(String eventId, String projectId, Instant occurredAt, SpecificRecord event) {
        List<PublicObject> changed = ObjectFolds.fold(event, states::load);
        changed.forEach(object -> states.save(object.id(), object.projectId(), object.state()));
        Optional<String> type = PublicEventTypes.of(event);
        if (type.isEmpty() || changed.isEmpty()) {
            return Optional.empty();
        }
        PublicObject object = changed.get(0);
        PublicEvent publicEvent = new PublicEvent(eventId, projectId, type.get(), occurredAt, object.id(),
                object.invoiceId(), data(eventId, projectId, object.kind(), object.view()));
        record(publicEvent, null);
        return Optional.of(publicEvent);
    }

    /** Stores a public event the dispatcher itself raised and schedules its deliveries (never to {@code except}). */
    public void record(PublicEvent event, String exceptEndpointId) {
        if (events.insert(event)) {
            deliveries.schedule(event, receivers(event, null, exceptEndpointId), Deliveries.AUTOMATIC,
                    clock.instant());
        }
    }

    /**
     * Who receives {@code event}: the project's enabled endpoints subscribed to its type (only {@code onlyEndpointId}
     * when given), and the invoice's webhook_url when the event belongs to an invoice that has one.
     */
    public List<Receiver> receivers(PublicEvent event, String onlyEndpointId, String exceptEndpointId) {
        List<Receiver> receivers = new ArrayList<>();
        for (EndpointRecord endpoint : endpoints.enabled(event.projectId())) {
            if (EventTypes.matches(endpoint.events(), event.type())
                    && (onlyEndpointId == null || onlyEndpointId.equals(endpoint.endpointId()))
                    && !endpoint.endpointId().equals(exceptEndpointId)) {
                receivers.add(Receiver.endpoint(endpoint.endpointId()));
            }
        }
        if (onlyEndpointId == null) {
            invoiceWebhookUrl(event).ifPresent(url -> receivers.add(Receiver.invoiceUrl(event.invoiceId(), url)));
        }
        return receivers;
    }

    private Optional<String> invoiceWebhookUrl(PublicEvent event) {
        if (event.invoiceId() == null) {
            return Optional.empty();
        }
        return states.load(event.invoiceId())
                .filter(invoice -> invoice.get("project_id").asString().equals(event.projectId()))
                .map(invoice -> invoice.get("webhook_url"))
                .filter(url -> url != null && !url.isNull())
                .map(JsonNode::asString);
    }

    /** {@code {"event_id", "project_id", "<kind>": object}}. */
    public static String data(String eventId, String projectId, String kind, ObjectNode object) {
        ObjectNode data = JSON.createObjectNode();
        data.put("event_id", eventId);
        data.put("project_id", projectId);
        data.set(kind, object);
        return JSON.writeValueAsString(data);
    }
}
