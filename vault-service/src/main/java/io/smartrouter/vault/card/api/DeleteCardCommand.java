package io.smartrouter.vault.card.api;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a card; the caller erases its sealed PAN in the same transaction. */
public record DeleteCardCommand(@TargetAggregateIdentifier CardId cardId, ProjectId projectId, Instant deletedAt) {
}
