package io.smartrouter.webhook.endpoint.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes an endpoint; nothing more is delivered to it. */
public record DeleteWebhookEndpointCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId,
        ProjectId projectId, Instant deletedAt) {
}
