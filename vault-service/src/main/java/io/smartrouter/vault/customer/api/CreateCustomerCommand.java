package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a customer. */
public record CreateCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, ProjectId projectId,
        CustomerDetails details, Instant createdAt) {
}
