package io.smartrouter.payment.gateway.api;

import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a configuration: the router stops using it; transactions it authorized still reach it. */
public record DeleteGatewayConfigurationCommand(@TargetAggregateIdentifier String gatewayConfigurationId,
        ProjectId projectId, Instant at) {
}
