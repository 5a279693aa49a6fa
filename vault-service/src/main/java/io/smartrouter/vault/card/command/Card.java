package io.smartrouter.vault.card.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.vault.card.api.CardErrorCode;
import io.smartrouter.vault.card.api.DeleteCardCommand;
import io.smartrouter.vault.card.api.DetokenizeCardCommand;
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
 * serialises commands on one card, so of two concurrent uses exactly one succeeds and the other sees it used.
 */
@Aggregate
public class Card {

    @AggregateIdentifier
    private String cardId;
    private String projectId;
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
    public void handle(UseCardCommand command) {
        requireUsable(command.projectId());
        use(command.usedBy(), command.usedAt());
    }

    @CommandHandler
    public void handle(DetokenizeCardCommand command) {
        requireUsable(command.projectId());
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
    }

    @CommandHandler
    public void handle(DeleteCardCommand command) {
        requireOwnedBy(command.projectId());
        if (deleted) {
            throw notFound();
        }
        apply(CardDeletedEvent.newBuilder().setCardId(cardId).setProjectId(projectId)
                .setDeletedAt(command.deletedAt()).build());
    }

    private void requireUsable(ProjectId caller) {
        requireOwnedBy(caller);
        if (deleted) {
            throw reject(CardErrorCode.DELETED, "The card " + cardId + " was deleted and can no longer be used");
        }
    }

    private void requireOwnedBy(ProjectId caller) {
        if (!projectId.equals(caller.value())) {
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
