package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes the details given (null fields stay), the metadata when {@code metadataGiven}, and the default token when
 * {@code defaultTokenId} is set.
 */
public record UpdateCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, ProjectId projectId,
        CustomerDetails changes,
        boolean metadataGiven, TokenId defaultTokenId, Instant updatedAt) {
}
