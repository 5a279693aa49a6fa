package io.smartrouter.webhook.endpoint.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an endpoint a new secret (already sealed under {@code secretId}); the old one signs too until {@code previousExpiresAt}. */
public record RotateWebhookEndpointSecretCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId,
        ProjectId projectId, String secretId,
        Instant previousExpiresAt, Instant rotatedAt) {
}
