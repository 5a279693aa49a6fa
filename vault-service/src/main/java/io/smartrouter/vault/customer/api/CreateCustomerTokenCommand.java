package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.vault.card.api.MaskedCard;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Saves a consumed one-time card as a reusable customer token. */
public record CreateCustomerTokenCommand(@TargetAggregateIdentifier CustomerId customerId, ProjectId projectId, TokenId tokenId,
        CardId cardId, MaskedCard card, boolean setDefault, Instant createdAt) {
}
