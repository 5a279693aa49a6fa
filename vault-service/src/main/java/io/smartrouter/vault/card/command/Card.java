package io.smartrouter.vault.card.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.vault.card.api.CardErrorCode;
import io.smartrouter.vault.card.api.DeleteCardCommand;
import io.smartrouter.vault.card.api.DetokenizeCardCommand;
import io.smartrouter.vault.card.api.MaskedCard;
import io.smartrouter.vault.card.api.TokenizeCardCommand;
import io.smartrouter.vault.card.api.UseCardCommand;
import io.smartrouter.schemas.vault.CardDeletedEvent;
import io.smartrouter.schemas.vault.CardDetokenizedEvent;
import io.smartrouter.schemas.vault.CardTokenizedEvent;
import io.smartrouter.schemas.vault.CardUsedEvent;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A one-time card token. Its events carry masked data only; the sealed PAN lives beside the event store. Axon
 * serialises commands on one card, so of two concurrent uses exactly one succeeds and the other sees it used. A use
 * or a release answers the masked card, so the caller needs no read of its own; a deleted card is not found, as the
 * read model shows it.
 */
@Aggregate
public class Card {

    @AggregateIdentifier
    private String cardId;
    private String projectId;
    private MaskedCard card;
    private String usedBy;
    private boolean deleted;

    protected Card() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Card(TokenizeCardCommand command) {
        apply(CardTokenizedEvent.newBuilder()
                .setCardId(command.cardId().value())
                .setProjectId(command.projectId().value())
                .setCard(command.card().toEvent())
                .setCvcGiven(command.cvcGiven())
                .setCreatedAt(command.createdAt())
                .build());
    }

    @CommandHandler
    public MaskedCard handle(UseCardCommand command) {
        requireLive(command.projectId());
        use(command.usedBy(), command.usedAt());
        return card;
    }

    @CommandHandler
    public MaskedCard handle(DetokenizeCardCommand command) {
        requireLive(command.projectId());
        if (command.viaToken() == null) {
            // The payment that used the card may ask again: a retry after its first answer was lost.
            if (!command.reference().equals(usedBy)) {
                use(command.reference(), command.at());
            }
        } else if (!command.viaToken().value().equals(usedBy)) {
            throw reject(CardErrorCode.NOT_FOUND, "The card " + cardId + " is not saved as customer token "
                    + command.viaToken().value());
        }
        apply(CardDetokenizedEvent.newBuilder()
                .setCardId(cardId)
                .setProjectId(projectId)
                .setTokenId(command.viaToken() == null ? null : command.viaToken().value())
                .setReference(command.reference())
                .setRequestedBy(command.requestedBy())
                .setCvcReleased(command.cvcReleased())
                .setDetokenizedAt(command.at())
                .build());
        return card;
    }

    @CommandHandler
    public void handle(DeleteCardCommand command) {
        requireLive(command.projectId());
        apply(CardDeletedEvent.newBuilder().setCardId(cardId).setProjectId(projectId)
                .setDeletedAt(command.deletedAt()).build());
    }

    /** Another project's card and a deleted one are not found. */
    private void requireLive(ProjectId caller) {
        if (deleted || !projectId.equals(caller.value())) {
            throw notFound();
        }
    }

    private void use(String by, Instant at) {
        if (usedBy != null) {
            throw reject(CardErrorCode.ALREADY_USED, "The card " + cardId
                    + " was already used; a card token can be used for one payment or one customer token only");
        }
        apply(CardUsedEvent.newBuilder().setCardId(cardId).setProjectId(projectId).setUsedBy(by).setUsedAt(at).build());
    }

    private RuntimeException notFound() {
        return reject(CardErrorCode.NOT_FOUND, "No card with id " + cardId + " was found");
    }

    @EventSourcingHandler
    void on(CardTokenizedEvent event) {
        cardId = event.getCardId();
        projectId = event.getProjectId();
        card = MaskedCard.of(event.getCard());
    }

    @EventSourcingHandler
    void on(CardUsedEvent event) {
        usedBy = event.getUsedBy();
    }

    @EventSourcingHandler
    void on(CardDeletedEvent event) {
        deleted = true;
    }
}
