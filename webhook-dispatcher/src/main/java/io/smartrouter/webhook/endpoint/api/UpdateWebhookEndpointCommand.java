package io.smartrouter.webhook.endpoint.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces an endpoint's settings (the web layer merges a partial PUT into the current ones). */
public record UpdateWebhookEndpointCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId, ProjectId projectId, String url,
        List<String> events, String description, boolean enabled, Instant updatedAt) {

    public UpdateWebhookEndpointCommand {
        events = List.copyOf(events);
    }
}
