package io.smartrouter.webhook.event.integration;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.webhook.delivery.worker.Deliveries;
import io.smartrouter.webhook.delivery.worker.DeliveryWorker;
import io.smartrouter.webhook.delivery.worker.Receiver;
import io.smartrouter.webhook.endpoint.api.EventTypes;
import io.smartrouter.webhook.endpoint.query.EndpointRecord;
import io.smartrouter.webhook.endpoint.query.WebhookEndpointRecords;
import io.smartrouter.webhook.event.mapping.ObjectFolds;
import io.smartrouter.webhook.event.mapping.PublicEventTypes;
import io.smartrouter.webhook.event.mapping.PublicObject;
import io.smartrouter.webhook.event.store.EarlyInvoiceEvents;
import io.smartrouter.webhook.event.store.ObjectStates;
import io.smartrouter.webhook.event.store.PublicEvent;
import io.smartrouter.webhook.event.store.PublicEventStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one domain event into its public event and the deliveries of that event, in the caller's transaction: the
 * objects it changes are folded, the public event (if it has a public type) is stored with the object as of the event,
 * and a delivery is scheduled to each enabled endpoint of the project subscribed to the type, and to the invoice's own
 * {@code webhook_url}. Nothing is sent here: the {@link DeliveryWorker} picks the deliveries up after the commit.
 * <p>
 * The invoice's events and its payment's come on different topics, so a payment's events may be read before the
 * invoice's creation: they wait for it ({@link EarlyInvoiceEvents}) and go to its {@code webhook_url} when it comes.
 */
@Component
public class PublicEventIntake {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectStates states;
    private final PublicEventStore events;
    private final WebhookEndpointRecords endpoints;
    private final Deliveries deliveries;
    private final EarlyInvoiceEvents early;
    private final Clock clock;

    public PublicEventIntake(ObjectStates states, PublicEventStore events, WebhookEndpointRecords endpoints,
            Deliveries deliveries, EarlyInvoiceEvents early, Clock clock) {
        this.states = states;
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.early = early;
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
        if (event instanceof InvoiceCreatedEvent) {
            deliverEarlyEvents(publicEvent);
        }
        return Optional.of(publicEvent);
    }

    /** Stores a public event the dispatcher itself raised and schedules its deliveries (never to {@code except}). */
    public void record(PublicEvent event, String exceptEndpointId) {
        if (!events.insert(event)) {
            return;
        }
        Optional<ObjectNode> invoice = invoiceOf(event);
        List<Receiver> receivers = endpointReceivers(event, null, exceptEndpointId);
        invoiceReceiver(event, invoice).ifPresent(receivers::add);
        deliveries.schedule(event, receivers, Deliveries.AUTOMATIC, clock.instant());
        if (event.invoiceId() != null && invoice.isEmpty()) {
            early.remember(event.invoiceId(), event.id());
        }
    }

    /**
     * The events that came before the invoice {@code created} announces, to its webhook_url (if it has one), oldest
     * first; they wait no longer either way.
     */
    private void deliverEarlyEvents(PublicEvent created) {
        List<String> waited = early.take(created.invoiceId());
        List<Receiver> receivers = waited.isEmpty() ? List.of()
                : invoiceReceiver(created, invoiceOf(created)).stream().toList();
        if (receivers.isEmpty()) {
            return;
        }
        events.findAll(waited).stream()
                .filter(event -> event.projectId().equals(created.projectId()))
                .sorted(Comparator.comparing(PublicEvent::occurredAt))
                .forEach(event -> deliveries.schedule(event, receivers, Deliveries.AUTOMATIC, clock.instant()));
    }

    /**
     * Who receives {@code event}: the project's enabled endpoints subscribed to its type (only {@code onlyEndpointId}
     * when given), and the invoice's webhook_url when the event belongs to an invoice that has one.
     */
    public List<Receiver> receivers(PublicEvent event, String onlyEndpointId, String exceptEndpointId) {
        List<Receiver> receivers = endpointReceivers(event, onlyEndpointId, exceptEndpointId);
        if (onlyEndpointId == null) {
            invoiceReceiver(event, invoiceOf(event)).ifPresent(receivers::add);
        }
        return receivers;
    }

    private List<Receiver> endpointReceivers(PublicEvent event, String onlyEndpointId, String exceptEndpointId) {
        List<Receiver> receivers = new ArrayList<>();
        for (EndpointRecord endpoint : endpoints.enabled(event.projectId())) {
            if (EventTypes.matches(endpoint.events(), event.type())
                    && (onlyEndpointId == null || onlyEndpointId.equals(endpoint.endpointId()))
                    && !endpoint.endpointId().equals(exceptEndpointId)) {
                receivers.add(Receiver.endpoint(endpoint.endpointId()));
            }
        }
        return receivers;
    }

    /** The invoice {@code event} belongs to, as the dispatcher knows it (empty before its creation was read). */
    private Optional<ObjectNode> invoiceOf(PublicEvent event) {
        return event.invoiceId() == null ? Optional.empty() : states.load(event.invoiceId());
    }

    /** The invoice's webhook_url, if the invoice is of the event's project and has one. */
    private static Optional<Receiver> invoiceReceiver(PublicEvent event, Optional<ObjectNode> invoice) {
        return invoice
                .filter(known -> known.get("project_id").asString().equals(event.projectId()))
                .map(known -> known.get("webhook_url"))
                .filter(url -> url != null && !url.isNull())
                .map(url -> Receiver.invoiceUrl(event.invoiceId(), url.asString()));
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
