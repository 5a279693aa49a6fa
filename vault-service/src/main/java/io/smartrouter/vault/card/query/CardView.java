package io.smartrouter.vault.card.query;

import io.smartrouter.vault.card.api.MaskedCard;
import java.time.Instant;

/** A card as the API shows it. */
public record CardView(String cardId, String projectId, MaskedCard card, boolean used, boolean deleted,
        Instant createdAt) {
}
