package io.smartrouter.webhook.endpoint.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
import java.time.Instant;
import java.util.List;

/** Registers a webhook endpoint; the secret is already sealed and stored under {@code secretId}. */
public record CreateWebhookEndpointCommand(WebhookEndpointId endpointId, ProjectId projectId, String url,
        List<String> events, String description,
        boolean enabled, String secretId, Instant createdAt) {

    public CreateWebhookEndpointCommand {
        events = List.copyOf(events);
    }
}
