package io.smartrouter.vault.card.api;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a one-time card token. Carries the masked card only: the PAN is already sealed when this is sent. */
public record TokenizeCardCommand(@TargetAggregateIdentifier CardId cardId, ProjectId projectId, MaskedCard card,
        boolean cvcGiven, Instant createdAt) {
}
