package io.smartrouter.payment.gateway.api;

import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Configures a gateway for a project; the settings arrive already validated by the gateway's factory and sealed. */
public record CreateGatewayConfigurationCommand(@TargetAggregateIdentifier String gatewayConfigurationId,
        ProjectId projectId, String gateway, String name, boolean enabled, SealedSettings settings, Instant at) {
}
