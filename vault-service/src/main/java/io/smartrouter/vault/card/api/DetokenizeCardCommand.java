package io.smartrouter.vault.card.api;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a card's details are released to {@code requestedBy} for the operation {@code reference}. Reached
 * directly ({@code viaToken} null) the card is a one-time token and is consumed by this; reached through a customer
 * token it must be the card saved as that token.
 */
public record DetokenizeCardCommand(@TargetAggregateIdentifier CardId cardId, ProjectId projectId, TokenId viaToken,
        String reference, String requestedBy, boolean cvcReleased, Instant at) {
}
