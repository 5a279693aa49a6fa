package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checks that a token may pay now (customer and token not deleted) and answers its card id. Changes nothing. */
public record ChargeCustomerTokenCommand(@TargetAggregateIdentifier CustomerId customerId, ProjectId projectId, TokenId tokenId) {
}
