package io.smartrouter.vault.card.command;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.schemas.vault.CardDeletedEvent;
import io.smartrouter.schemas.vault.CardDetokenizedEvent;
import io.smartrouter.schemas.vault.CardTokenizedEvent;
import io.smartrouter.schemas.vault.CardUsedEvent;
import io.smartrouter.vault.card.api.CardErrorCode;
import io.smartrouter.vault.card.api.DeleteCardCommand;
import io.smartrouter.vault.card.api.DetokenizeCardCommand;
import io.smartrouter.vault.card.api.MaskedCard;
import io.smartrouter.vault.card.api.TokenizeCardCommand;
import io.smartrouter.vault.card.api.UseCardCommand;
import java.time.Instant;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardTests {

    private static final CardId CARD = CardId.newId();
    private static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    private static final ProjectId OTHER_PROJECT = new ProjectId("test-proj_other");
    private static final TokenId TOKEN = TokenId.newId();
    private static final String TRANSACTION = "tr_" + "a".repeat(26);
    private static final Instant CREATED = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final Instant LATER = Instant.parse("2026-11-24T10:16:00.456Z");
    private static final MaskedCard MASKED = new MaskedCard("visa", "credit", "US", "424242", "4242", 12, 2030,
            "Ada Lovelace", "fp-demo");

    private FixtureConfiguration<Card> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Card.class);
    }

    @ParameterizedTest(name = "cvc given: {0}")
    @ValueSource(booleans = {true, false})
    void tokenizesACardWithItsMaskedDataOnly(boolean cvcGiven) {
        fixture.givenNoPriorActivity()
                .when(new TokenizeCardCommand(CARD, PROJECT, MASKED, cvcGiven, CREATED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CardTokenizedEvent.newBuilder(tokenized()).setCvcGiven(cvcGiven).build());
    }

    @Test
    void aPaymentUsesTheCardAndGetsItsMaskedData() {
        fixture.given(tokenized())
                .when(new UseCardCommand(CARD, PROJECT, TRANSACTION, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(used(TRANSACTION))
                .expectResultMessagePayload(MASKED);
    }

    @Test
    void aCardIsUsedOnceOnly() {
        fixture.given(tokenized(), used(TRANSACTION))
                .when(new UseCardCommand(CARD, PROJECT, TOKEN.value(), LATER))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CardErrorCode.ALREADY_USED);
    }

    @Test
    void anotherProjectDoesNotSeeTheCard() {
        fixture.given(tokenized())
                .when(new UseCardCommand(CARD, OTHER_PROJECT, TRANSACTION, LATER))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void detokenizingAOneTimeCardConsumesIt() {
        fixture.given(tokenized())
                .when(detokenize(null, PROJECT, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(used(TRANSACTION), detokenized(null, true));
    }

    @Test
    void aOneTimeCardIsDetokenizedForOnePaymentOnly() {
        fixture.given(tokenized(), used(TRANSACTION), detokenized(null, true))
                .when(new DetokenizeCardCommand(CARD, PROJECT, null, "tr_" + "c".repeat(26), "payment-service", false,
                        LATER))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CardErrorCode.ALREADY_USED);
    }

    @Test
    void thePaymentThatUsedTheCardMayDetokenizeItAgain() {
        fixture.given(tokenized(), used(TRANSACTION), detokenized(null, true))
                .when(detokenize(null, PROJECT, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(detokenized(null, false))
                .expectResultMessagePayload(MASKED);
    }

    @Test
    void aCardUsedByAPaymentCannotBeDetokenizedDirectly() {
        fixture.given(tokenized(), used("tr_" + "b".repeat(26)))
                .when(detokenize(null, PROJECT, false))
                .expectNoEvents()
                .expectExceptionDetails(CardErrorCode.ALREADY_USED);
    }

    @Test
    void theCardSavedAsACustomerTokenIsDetokenizedThroughItAgainAndAgain() {
        fixture.given(tokenized(), used(TOKEN.value()), detokenized(TOKEN, false))
                .when(detokenize(TOKEN, PROJECT, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(detokenized(TOKEN, false))
                .expectResultMessagePayload(MASKED);
    }

    @Test
    void anotherTokenDoesNotReachTheCard() {
        fixture.given(tokenized(), used(TOKEN.value()))
                .when(detokenize(TokenId.newId(), PROJECT, false))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void anUnusedCardIsNotReachedThroughAToken() {
        fixture.given(tokenized())
                .when(detokenize(TOKEN, PROJECT, false))
                .expectNoEvents()
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void anotherProjectCannotDetokenizeTheCard() {
        fixture.given(tokenized(), used(TOKEN.value()))
                .when(detokenize(TOKEN, OTHER_PROJECT, false))
                .expectNoEvents()
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void deletesTheCard() {
        fixture.given(tokenized(), used(TOKEN.value()))
                .when(new DeleteCardCommand(CARD, PROJECT, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(deleted());
    }

    @Test
    void anotherProjectCannotDeleteTheCard() {
        fixture.given(tokenized())
                .when(new DeleteCardCommand(CARD, OTHER_PROJECT, LATER))
                .expectNoEvents()
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void aDeletedCardIsNotFoundForAUse() {
        fixture.given(tokenized(), deleted())
                .when(new UseCardCommand(CARD, PROJECT, TRANSACTION, LATER))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void aDeletedCardIsNotFoundForADirectDetokenization() {
        fixture.given(tokenized(), deleted())
                .when(detokenize(null, PROJECT, false))
                .expectNoEvents()
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void aDeletedCardIsNotFoundThroughItsToken() {
        fixture.given(tokenized(), used(TOKEN.value()), deleted())
                .when(detokenize(TOKEN, PROJECT, false))
                .expectNoEvents()
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void aDeletedCardIsNotFoundForASecondDelete() {
        fixture.given(tokenized(), deleted())
                .when(new DeleteCardCommand(CARD, PROJECT, LATER))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    @Test
    void aDeletedCardIsNotFoundForAnotherProject() {
        fixture.given(tokenized(), deleted())
                .when(new UseCardCommand(CARD, OTHER_PROJECT, TRANSACTION, LATER))
                .expectNoEvents()
                .expectExceptionDetails(CardErrorCode.NOT_FOUND);
    }

    private static DetokenizeCardCommand detokenize(TokenId viaToken, ProjectId project, boolean cvcReleased) {
        return new DetokenizeCardCommand(CARD, project, viaToken, TRANSACTION, "payment-service", cvcReleased, LATER);
    }

    private static CardTokenizedEvent tokenized() {
        return CardTokenizedEvent.newBuilder().setCardId(CARD.value()).setProjectId(PROJECT.value())
                .setCard(MASKED.toEvent()).setCvcGiven(true).setCreatedAt(CREATED).build();
    }

    private static CardUsedEvent used(String by) {
        return CardUsedEvent.newBuilder().setCardId(CARD.value()).setProjectId(PROJECT.value()).setUsedBy(by)
                .setUsedAt(LATER).build();
    }

    private static CardDetokenizedEvent detokenized(TokenId viaToken, boolean cvcReleased) {
        return CardDetokenizedEvent.newBuilder().setCardId(CARD.value()).setProjectId(PROJECT.value())
                .setTokenId(viaToken == null ? null : viaToken.value()).setReference(TRANSACTION)
                .setRequestedBy("payment-service").setCvcReleased(cvcReleased).setDetokenizedAt(LATER).build();
    }

    private static CardDeletedEvent deleted() {
        return CardDeletedEvent.newBuilder().setCardId(CARD.value()).setProjectId(PROJECT.value())
                .setDeletedAt(LATER).build();
    }
}
