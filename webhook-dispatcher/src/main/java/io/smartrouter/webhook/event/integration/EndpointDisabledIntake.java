package io.smartrouter.webhook.event.integration;

import io.smartrouter.platform.events.EventEnvelopes;
import io.smartrouter.schemas.webhook.WebhookEndpointDisabledEvent;
import io.smartrouter.webhook.endpoint.api.EventTypes;
import io.smartrouter.webhook.endpoint.query.WebhookEndpointRecords;
import io.smartrouter.webhook.event.store.PublicEvent;
import java.util.ArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dispatcher's own public event: {@code webhook_endpoint.disabled}, recorded in the transaction that disabled the
 * endpoint (same subscribing processor as the endpoint read model) and delivered to the project's other endpoints.
 */
@Component
@ProcessingGroup(WebhookEndpointRecords.PROCESSING_GROUP)
class EndpointDisabledIntake {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PublicEventIntake intake;
    private final WebhookEndpointRecords endpoints;

    EndpointDisabledIntake(PublicEventIntake intake, WebhookEndpointRecords endpoints) {
        this.intake = intake;
        this.endpoints = endpoints;
    }

    @EventHandler
    void on(WebhookEndpointDisabledEvent event, @MessageIdentifier String messageId) {
        String eventId = EventEnvelopes.EVENT_ID_PREFIX + messageId;
        ObjectNode endpoint = JSON.createObjectNode();
        endpoint.put("id", event.getEndpointId());
        endpoint.put("project_id", event.getProjectId());
        endpoints.find(event.getProjectId(), event.getEndpointId()).ifPresent(record -> {
            endpoint.put("url", record.url());
            endpoint.set("events", JSON.valueToTree(new ArrayList<>(record.events())));
            endpoint.put("description", record.description());
        });
        endpoint.put("enabled", false);
        endpoint.put("disabled_reason", event.getReason());
        endpoint.put("failing_since", event.getFailingSince() == null ? null : event.getFailingSince().toString());
        endpoint.put("disabled_at", event.getDisabledAt().toString());
        String data = PublicEventIntake.data(eventId, event.getProjectId(), "webhook_endpoint", endpoint);
        intake.record(new PublicEvent(eventId, event.getProjectId(), EventTypes.WEBHOOK_ENDPOINT_DISABLED,
                event.getDisabledAt(), event.getEndpointId(), null, data), event.getEndpointId());
    }
}
