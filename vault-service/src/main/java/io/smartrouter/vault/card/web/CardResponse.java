package io.smartrouter.vault.card.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smartrouter.vault.card.api.MaskedCard;
import io.smartrouter.vault.card.query.CardView;
import java.time.Instant;

/** A card as API.md shows it: masked, never the number or the CVC. */
public record CardResponse(String id, String projectId, String scheme, String type, String countryCode, String iin,
        @JsonProperty("last_4_digits") String last4Digits, int expMonth, int expYear, String name, String fingerprint, boolean used,
        Instant createdAt) {

    public static CardResponse of(CardView view) {
        MaskedCard card = view.card();
        return new CardResponse(view.cardId(), view.projectId(), card.scheme(), card.type(), card.countryCode(),
                card.iin(), card.last4(), card.expMonth(), card.expYear(), card.name(), card.fingerprint(), view.used(),
                view.createdAt());
    }
}
