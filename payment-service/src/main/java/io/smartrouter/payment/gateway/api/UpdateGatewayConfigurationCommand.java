package io.smartrouter.payment.gateway.api;

import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a configuration's name, enabled flag or settings; a null field keeps its current value. */
public record UpdateGatewayConfigurationCommand(@TargetAggregateIdentifier String gatewayConfigurationId,
        ProjectId projectId, String name, Boolean enabled, SealedSettings settings, Instant at) {
}
