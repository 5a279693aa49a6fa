package io.smartrouter.vault.card.vault;

import io.smartrouter.platform.card.Cvc;
import io.smartrouter.platform.card.Pan;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.vault.card.api.CardErrorCode;
import io.smartrouter.vault.card.api.DeleteCardCommand;
import io.smartrouter.vault.card.api.DetokenizeCardCommand;
import io.smartrouter.vault.card.api.MaskedCard;
import io.smartrouter.vault.card.api.TokenizeCardCommand;
import io.smartrouter.vault.card.api.UseCardCommand;
import io.smartrouter.vault.card.query.CardView;
import io.smartrouter.vault.keys.CardFingerprints;
import io.smartrouter.vault.keys.EnvelopeEncryption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.transaction.support.TransactionTemplate;
import io.smartrouter.platform.error.ApiException;

/**
 * The vault's card operations, which change two things at once: a Card aggregate's events and the card's sealed PAN.
 * Both are written in one database transaction (Axon's unit of work joins it), so a card never exists without its
 * ciphertext and a deleted card never keeps one. Blocking: call off the event loop.
 */
public class CardVault {

    private final EnvelopeEncryption encryption;
    private final CardFingerprints fingerprints;
    private final SealedCardRepository sealedCards;
    private final HeldCvcs heldCvcs;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CardVault(EnvelopeEncryption encryption, CardFingerprints fingerprints, SealedCardRepository sealedCards,
            HeldCvcs heldCvcs, CommandGateway commands, TransactionTemplate transactions, Clock clock) {
        this.encryption = encryption;
        this.fingerprints = fingerprints;
        this.sealedCards = sealedCards;
        this.heldCvcs = heldCvcs;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Seals the PAN, records the card token and holds the CVC, if any, for the first authorization. Answers the card
     * as recorded (its time at the event's millisecond precision), so the answer needs no read of the read model.
     */
    public CardView tokenize(ProjectId project, NewCard card, Map<String, ?> metadata) {
        CardId cardId = CardId.newId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Pan pan = card.pan();
        MaskedCard masked = new MaskedCard(card.scheme(), card.type(), card.countryCode(), pan.iin(), pan.last4(),
                card.expMonth(), card.expYear(), card.name(), fingerprints.of(project, pan));
        SealedCard sealed = new SealedCard(cardId.value(), project.value(), encryption.seal(cardId.value(), pan), now);
        var command = new TokenizeCardCommand(cardId, project, masked, card.cvc() != null, now);
        transactions.executeWithoutResult(status -> {
            sealedCards.save(sealed);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        });
        if (card.cvc() != null) {
            heldCvcs.hold(cardId.value(), card.cvc());
        }
        return new CardView(cardId.value(), project.value(), masked, false, false, now);
    }

    /** Consumes a one-time card token for {@code usedBy} (a customer token); its CVC is forgotten. */
    public MaskedCard use(ProjectId project, CardId cardId, String usedBy, Map<String, ?> metadata) {
        MaskedCard card = send(cardId, new UseCardCommand(cardId, project, usedBy, clock.instant()), metadata);
        heldCvcs.forget(cardId.value());
        return card;
    }

    /**
     * Releases a card's details for one operation. The audit event (and, for a one-time card, its consumption) is
     * committed before the PAN is decrypted; a held CVC goes with a one-time card's first release only.
     */
    public CardDetails detokenize(ProjectId project, CardId cardId, TokenId viaToken, String reference,
            String requestedBy, Map<String, ?> metadata) {
        boolean releaseCvc = viaToken == null && heldCvcs.isHeld(cardId.value());
        MaskedCard card = send(cardId, new DetokenizeCardCommand(cardId, project, viaToken, reference, requestedBy,
                releaseCvc, clock.instant()), metadata);
        SealedCard sealed = sealedCards.findById(cardId.value()).orElseThrow(() -> new ApiException(
                CardErrorCode.DELETED, "The card " + cardId + " was deleted and can no longer be used"));
        Cvc cvc = releaseCvc ? heldCvcs.take(cardId.value()).orElse(null) : null;
        Pan pan = encryption.open(cardId.value(), sealed.sealed());
        return new CardDetails(pan, cvc, card);
    }

    /** Deletes the card and erases its sealed PAN in the same transaction: crypto-shredding. */
    public void delete(ProjectId project, CardId cardId, Map<String, ?> metadata) {
        transactions.executeWithoutResult(status -> {
            send(cardId, new DeleteCardCommand(cardId, project, clock.instant()), metadata);
            sealedCards.deleteById(cardId.value());
        });
        heldCvcs.forget(cardId.value());
    }

    /**
     * Sends a command to the card and answers its result. The card answers another project's or a deleted card as
     * not found; one that never existed has no events to load, and is not found either.
     */
    private <R> R send(CardId cardId, Object command, Map<String, ?> metadata) {
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        } catch (AggregateNotFoundException unknown) {
            throw new ApiException(CardErrorCode.NOT_FOUND, "No card with id " + cardId + " was found");
        }
    }

    /** A card to tokenize, validated: PAN (Luhn, known scheme), expiry, optional CVC and name, issuer data. */
    public record NewCard(Pan pan, Cvc cvc, String scheme, String type, String countryCode, int expMonth, int expYear,
            String name) {
    }

    /** A card's details for one PSP call. Its {@code toString()} shows masked values only. */
    public record CardDetails(Pan pan, Cvc cvc, MaskedCard card) {
    }
}
