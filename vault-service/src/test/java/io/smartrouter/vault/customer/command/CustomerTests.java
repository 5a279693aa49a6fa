package io.smartrouter.vault.customer.command;

import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import io.smartrouter.schemas.vault.CustomerTokenCreatedEvent;
import io.smartrouter.schemas.vault.CustomerTokenDeletedEvent;
import io.smartrouter.schemas.vault.CustomerUpdatedEvent;
import io.smartrouter.vault.card.api.MaskedCard;
import io.smartrouter.vault.customer.api.ChargeCustomerTokenCommand;
import io.smartrouter.vault.customer.api.CreateCustomerCommand;
import io.smartrouter.vault.customer.api.CreateCustomerTokenCommand;
import io.smartrouter.vault.customer.api.CustomerDetails;
import io.smartrouter.vault.customer.api.CustomerErrorCode;
import io.smartrouter.vault.customer.api.DeleteCustomerCommand;
import io.smartrouter.vault.customer.api.DeleteCustomerTokenCommand;
import io.smartrouter.vault.customer.api.UpdateCustomerCommand;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTests {

    private static final CustomerId CUSTOMER = CustomerId.newId();
    private static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    private static final ProjectId OTHER_PROJECT = new ProjectId("test-proj_other");
    private static final TokenId TOKEN = TokenId.newId();
    private static final TokenId SECOND_TOKEN = TokenId.newId();
    private static final CardId CARD = CardId.newId();
    private static final CardId SECOND_CARD = CardId.newId();
    private static final Instant CREATED = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final Instant LATER = Instant.parse("2026-11-24T10:16:00.456Z");
    private static final MaskedCard MASKED = new MaskedCard("visa", "credit", "US", "424242", "4242", 12, 2030,
            "Ada Lovelace", "fp-demo");
    private static final CustomerDetails ADA = new CustomerDetails("ada@example.com", "Ada", "Lovelace", "+44 20 1234",
            "12 St James's Square", null, "London", null, "SW1Y 4JH", "GB", Map.of("crm", "42"));
    private static final CustomerDetails NO_CHANGES = new CustomerDetails(null, null, null, null, null, null, null,
            null, null, null, null);

    private FixtureConfiguration<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
    }

    @Test
    void createsACustomer() {
        fixture.givenNoPriorActivity()
                .when(new CreateCustomerCommand(CUSTOMER, PROJECT, ADA, CREATED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGivenAndKeepsTheMetadataWhenNoneIsGiven() {
        CustomerDetails changes = new CustomerDetails("ada@lovelace.example", null, "King", null, null, "Flat 2",
                null, null, null, null, Map.of("ignored", "yes"));
        fixture.given(created())
                .when(new UpdateCustomerCommand(CUSTOMER, PROJECT, changes, false, null, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(updated(new CustomerDetails("ada@lovelace.example", "Ada", "King", "+44 20 1234",
                        "12 St James's Square", "Flat 2", "London", null, "SW1Y 4JH", "GB", Map.of("crm", "42")), null));
    }

    @Test
    void givenMetadataReplacesTheWholeMetadata() {
        CustomerDetails changes = new CustomerDetails(null, null, null, null, null, null, null, null, null, null,
                Map.of("segment", "vip"));
        fixture.given(created())
                .when(new UpdateCustomerCommand(CUSTOMER, PROJECT, changes, true, null, LATER))
                .expectEvents(updated(withMetadata(Map.of("segment", "vip")), null));
    }

    @Test
    void givenEmptyMetadataClearsIt() {
        fixture.given(created())
                .when(new UpdateCustomerCommand(CUSTOMER, PROJECT, NO_CHANGES, true, null, LATER))
                .expectEvents(updated(withMetadata(Map.of()), null));
    }

    @Test
    void anUpdateKeepsTheDefaultToken() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true))
                .when(new UpdateCustomerCommand(CUSTOMER, PROJECT, NO_CHANGES, false, null, LATER))
                .expectEvents(updated(ADA, TOKEN));
    }

    @Test
    void anUpdateSetsTheDefaultToken() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), tokenCreated(SECOND_TOKEN, SECOND_CARD, false))
                .when(new UpdateCustomerCommand(CUSTOMER, PROJECT, NO_CHANGES, false, SECOND_TOKEN, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(updated(ADA, SECOND_TOKEN));
    }

    @Test
    void theDefaultTokenMustBeOneOfTheCustomers() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true))
                .when(new UpdateCustomerCommand(CUSTOMER, PROJECT, NO_CHANGES, false, TokenId.newId(), LATER))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CustomerErrorCode.TOKEN_NOT_FOUND);
    }

    @Test
    void aDeletedTokenCannotBecomeTheDefault() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), tokenDeleted(TOKEN, null))
                .when(new UpdateCustomerCommand(CUSTOMER, PROJECT, NO_CHANGES, false, TOKEN, LATER))
                .expectNoEvents()
                .expectExceptionDetails(CustomerErrorCode.TOKEN_NOT_FOUND);
    }

    @ParameterizedTest(name = "asked to be default: {0}")
    @ValueSource(booleans = {true, false})
    void theFirstTokenBecomesTheDefault(boolean setDefault) {
        fixture.given(created())
                .when(createToken(TOKEN, CARD, setDefault))
                .expectSuccessfulHandlerExecution()
                .expectEvents(tokenCreated(TOKEN, CARD, true));
    }

    @ParameterizedTest(name = "asked to be default: {0}")
    @ValueSource(booleans = {true, false})
    void aSecondTokenIsTheDefaultOnlyWhenAsked(boolean setDefault) {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true))
                .when(createToken(SECOND_TOKEN, SECOND_CARD, setDefault))
                .expectEvents(tokenCreated(SECOND_TOKEN, SECOND_CARD, setDefault));
    }

    @Test
    void aTokenAfterTheDefaultWasDeletedBecomesTheDefault() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), tokenDeleted(TOKEN, null))
                .when(createToken(SECOND_TOKEN, SECOND_CARD, false))
                .expectEvents(tokenCreated(SECOND_TOKEN, SECOND_CARD, true));
    }

    @Test
    void deletingTheDefaultTokenLeavesNoDefault() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), tokenCreated(SECOND_TOKEN, SECOND_CARD, false))
                .when(new DeleteCustomerTokenCommand(CUSTOMER, PROJECT, TOKEN, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(tokenDeleted(TOKEN, null));
    }

    @Test
    void deletingAnotherTokenKeepsTheDefault() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), tokenCreated(SECOND_TOKEN, SECOND_CARD, false))
                .when(new DeleteCustomerTokenCommand(CUSTOMER, PROJECT, SECOND_TOKEN, LATER))
                .expectEvents(tokenDeleted(SECOND_TOKEN, TOKEN));
    }

    @Test
    void aTokenIsDeletedOnceOnly() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), tokenDeleted(TOKEN, null))
                .when(new DeleteCustomerTokenCommand(CUSTOMER, PROJECT, TOKEN, LATER))
                .expectNoEvents()
                .expectExceptionDetails(CustomerErrorCode.TOKEN_NOT_FOUND);
    }

    @Test
    void chargingATokenAnswersItsCardAndChangesNothing() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), tokenCreated(SECOND_TOKEN, SECOND_CARD, false))
                .when(new ChargeCustomerTokenCommand(CUSTOMER, PROJECT, SECOND_TOKEN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(SECOND_CARD.value());
    }

    @Test
    void aDeletedTokenCannotBeCharged() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), tokenDeleted(TOKEN, null))
                .when(new ChargeCustomerTokenCommand(CUSTOMER, PROJECT, TOKEN))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CustomerErrorCode.TOKEN_NOT_FOUND);
    }

    @Test
    void deletesTheCustomer() {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true))
                .when(new DeleteCustomerCommand(CUSTOMER, PROJECT, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CustomerDeletedEvent.newBuilder().setCustomerId(CUSTOMER.value())
                        .setProjectId(PROJECT.value()).setDeletedAt(LATER).build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"update", "set default", "delete", "create token", "delete token", "charge token"})
    void aDeletedCustomerIsNotFoundForEveryCommand(String command) {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true), customerDeleted())
                .when(command(command).apply(PROJECT))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CustomerErrorCode.NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"update", "set default", "delete", "create token", "delete token", "charge token"})
    void anotherProjectDoesNotSeeTheCustomer(String command) {
        fixture.given(created(), tokenCreated(TOKEN, CARD, true))
                .when(command(command).apply(OTHER_PROJECT))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(CustomerErrorCode.NOT_FOUND);
    }

    private static Function<ProjectId, Object> command(String name) {
        return switch (name) {
            case "update" -> project -> new UpdateCustomerCommand(CUSTOMER, project, ADA, true, null, LATER);
            case "set default" -> project -> new UpdateCustomerCommand(CUSTOMER, project, NO_CHANGES, false, TOKEN,
                    LATER);
            case "delete" -> project -> new DeleteCustomerCommand(CUSTOMER, project, LATER);
            case "create token" -> project -> new CreateCustomerTokenCommand(CUSTOMER, project, SECOND_TOKEN,
                    SECOND_CARD, MASKED, false, LATER);
            case "delete token" -> project -> new DeleteCustomerTokenCommand(CUSTOMER, project, TOKEN, LATER);
            case "charge token" -> project -> new ChargeCustomerTokenCommand(CUSTOMER, project, TOKEN);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static CreateCustomerTokenCommand createToken(TokenId token, CardId card, boolean setDefault) {
        return new CreateCustomerTokenCommand(CUSTOMER, PROJECT, token, card, MASKED, setDefault, LATER);
    }

    private static CustomerDetails withMetadata(Map<String, String> metadata) {
        return new CustomerDetails(ADA.email(), ADA.firstName(), ADA.lastName(), ADA.phoneNumber(), ADA.address1(),
                ADA.address2(), ADA.city(), ADA.state(), ADA.zip(), ADA.countryCode(), metadata);
    }

    private static CustomerCreatedEvent created() {
        return CustomerCreatedEvent.newBuilder().setCustomerId(CUSTOMER.value()).setProjectId(PROJECT.value())
                .setDetails(ADA.toEvent()).setCreatedAt(CREATED).build();
    }

    private static CustomerUpdatedEvent updated(CustomerDetails details, TokenId defaultToken) {
        return CustomerUpdatedEvent.newBuilder().setCustomerId(CUSTOMER.value()).setProjectId(PROJECT.value())
                .setDetails(details.toEvent()).setDefaultTokenId(defaultToken == null ? null : defaultToken.value())
                .setUpdatedAt(LATER).build();
    }

    private static CustomerTokenCreatedEvent tokenCreated(TokenId token, CardId card, boolean isDefault) {
        return CustomerTokenCreatedEvent.newBuilder().setTokenId(token.value()).setCustomerId(CUSTOMER.value())
                .setProjectId(PROJECT.value()).setCardId(card.value()).setCard(MASKED.toEvent())
                .setIsDefault(isDefault).setCreatedAt(LATER).build();
    }

    private static CustomerTokenDeletedEvent tokenDeleted(TokenId token, TokenId defaultAfter) {
        return CustomerTokenDeletedEvent.newBuilder().setTokenId(token.value()).setCustomerId(CUSTOMER.value())
                .setProjectId(PROJECT.value()).setDefaultTokenId(defaultAfter == null ? null : defaultAfter.value())
                .setDeletedAt(LATER).build();
    }

    private static CustomerDeletedEvent customerDeleted() {
        return CustomerDeletedEvent.newBuilder().setCustomerId(CUSTOMER.value()).setProjectId(PROJECT.value())
                .setDeletedAt(LATER).build();
    }
}
