package io.smartrouter.vault.customer.query;

import io.smartrouter.vault.card.api.MaskedCard;
import java.time.Instant;

/** A customer token as the API shows it: the masked card it was made from, and whether it is the default. */
public record TokenView(String tokenId, String customerId, String projectId, String cardId, MaskedCard card,
        boolean isDefault, Instant createdAt) {
}
