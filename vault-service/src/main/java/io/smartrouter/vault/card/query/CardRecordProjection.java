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
        CardRecord card = existing(event.getCardId());
        card.markUsed();
        cards.save(card);
    }

    @EventHandler
    void on(CardDeletedEvent event) {
        CardRecord card = existing(event.getCardId());
        card.markDeleted();
        cards.save(card);
    }

    @QueryHandler
    public Optional<CardView> handle(FindCardQuery query) {
        return cards.findById(query.cardId()).map(CardRecord::view)
                .filter(card -> card.projectId().equals(query.projectId().value()));
    }

    private CardRecord existing(String cardId) {
        return cards.findById(cardId).orElseThrow(() -> new IllegalStateException("Event for unknown card " + cardId));
    }
}
