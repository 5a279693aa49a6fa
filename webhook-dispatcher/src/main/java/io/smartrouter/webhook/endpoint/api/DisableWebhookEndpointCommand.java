package io.smartrouter.webhook.endpoint.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The dispatcher stops delivering to an endpoint ({@code gone}: it answered 410; {@code failing}: it failed for too long). */
public record DisableWebhookEndpointCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId, ProjectId projectId, String reason,
        Instant failingSince, Instant disabledAt) {
}
