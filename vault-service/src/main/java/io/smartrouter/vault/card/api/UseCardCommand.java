package io.smartrouter.vault.card.api;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Consumes a one-time card token for {@code usedBy} (a tok_ or tr_ id); a second use is refused with 409. */
public record UseCardCommand(@TargetAggregateIdentifier CardId cardId, ProjectId projectId, String usedBy,
        Instant usedAt) {
}
