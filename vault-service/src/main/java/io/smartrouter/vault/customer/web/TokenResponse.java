package io.smartrouter.vault.customer.web;

import io.smartrouter.vault.card.query.CardView;
import io.smartrouter.vault.card.web.CardResponse;
import io.smartrouter.vault.customer.query.TokenView;
import java.time.Instant;

/**
 * A customer token as API.md shows it. Only live tokens of live customers are ever answered, so a token shown is
 * chargeable.
 */
record TokenResponse(String id, String customerId, String type, CardResponse card, String summary, boolean isDefault,
        boolean isChargeable, Instant createdAt) {

    static TokenResponse of(TokenView token) {
        var card = new CardView(token.cardId(), token.projectId(), token.card(), true, false, token.createdAt());
        return new TokenResponse(token.tokenId(), token.customerId(), "card", CardResponse.of(card),
                token.card().scheme() + " **** " + token.card().last4(), token.isDefault(), true, token.createdAt());
    }
}
