package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a customer token; it can no longer pay. */
public record DeleteCustomerTokenCommand(@TargetAggregateIdentifier CustomerId customerId, ProjectId projectId, TokenId tokenId,
        Instant deletedAt) {
}
