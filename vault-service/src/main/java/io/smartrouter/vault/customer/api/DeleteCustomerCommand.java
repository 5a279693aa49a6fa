package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a customer; their tokens can no longer pay. */
public record DeleteCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, ProjectId projectId, Instant deletedAt) {
}
