package io.smartrouter.vault.card.query;

import io.smartrouter.vault.card.api.FindCardQuery;
import io.smartrouter.vault.card.api.MaskedCard;
import io.smartrouter.schemas.vault.CardDeletedEvent;
import io.smartrouter.schemas.vault.CardTokenizedEvent;
import io.smartrouter.schemas.vault.CardUsedEvent;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Keeps the card read model, in the command's transaction (a subscribing processor, see application.yml). */
@Component
@ProcessingGroup(CardRecordProjection.PROCESSING_GROUP)
public class CardRecordProjection {

    public static final String PROCESSING_GROUP = "card-records";

    private final CardRecordRepository cards;

    CardRecordProjection(CardRecordRepository cards) {
        this.cards = cards;
    }

    @EventHandler
    void on(CardTokenizedEvent event) {
        cards.save(new CardRecord(event.getCardId(), event.getProjectId(), MaskedCard.of(event.getCard()),
                event.getCreatedAt()));
    }

    @EventHandler
    void on(CardUsedEvent event) {
        requireOne(cards.markUsed(event.getCardId()), event.getCardId());
    }

    @EventHandler
    void on(CardDeletedEvent event) {
        requireOne(cards.markDeleted(event.getCardId()), event.getCardId());
    }

    @QueryHandler
    public Optional<CardView> handle(FindCardQuery query) {
        return cards.findById(query.cardId()).map(CardRecord::view)
                .filter(card -> card.projectId().equals(query.projectId().value()));
    }

    private static void requireOne(int changed, String cardId) {
        if (changed != 1) {
            throw new IllegalStateException("Event for unknown card " + cardId);
        }
    }
}
