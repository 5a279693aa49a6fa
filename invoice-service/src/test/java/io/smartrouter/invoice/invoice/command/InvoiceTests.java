package io.smartrouter.invoice.invoice.command;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;

import io.smartrouter.invoice.invoice.api.AssignCustomerCommand;
import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.invoice.invoice.api.FulfillmentStatus;
import io.smartrouter.invoice.invoice.api.InitiationType;
import io.smartrouter.invoice.invoice.api.InvoiceErrorCode;
import io.smartrouter.invoice.invoice.api.LineItem;
import io.smartrouter.invoice.invoice.api.Shipping;
import io.smartrouter.invoice.invoice.api.Tax;
import io.smartrouter.invoice.invoice.api.UpdateFulfillmentCommand;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceTests {

    private static final InvoiceId INVOICE = InvoiceId.newId();
    private static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final CustomerId CUSTOMER = CustomerId.newId();

    private FixtureConfiguration<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
    }

    @Test
    void createsAnInvoiceWithItsAmountInMinorUnits() {
        fixture.givenNoPriorActivity()
                .when(CreateInvoiceCommand.of(INVOICE, PROJECT, "Order 1", Money.parse("10.00", "USD"), NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void keepsCurrenciesWithoutMinorUnitsExact() {
        fixture.givenNoPriorActivity()
                .when(CreateInvoiceCommand.of(INVOICE, PROJECT, "Order 2", Money.parse("1000", "JPY"), NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        hasProperty("amount", is(1000L)), andNoMore())));
    }

    @Test
    void recordsTheWholeOrderWhenTheTotalsAddUp() {
        var command = fullOrder("23.50");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(allOf(
                        hasProperty("amount", is(2350L)),
                        hasProperty("referenceId", is("order-42")),
                        hasProperty("initiationType", is("mit")),
                        hasProperty("metadata", is(Map.of("channel", "web"))),
                        hasProperty("returnUrl", is("https://shop.example/return")),
                        hasProperty("customerId", is(CUSTOMER.value()))), andNoMore())));
    }

    @Test
    void refusesAnAmountThatIsNotTheSumOfItemsShippingAndTax() {
        fixture.givenNoPriorActivity()
                .when(fullOrder("23.49"))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(PlatformErrorCode.INVALID_AMOUNT);
    }

    @Test
    void refusesAnInvoiceWithoutName() {
        fixture.givenNoPriorActivity()
                .when(CreateInvoiceCommand.of(INVOICE, PROJECT, " ", Money.parse("10.00", "USD"), NOW))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(PlatformErrorCode.MISSING_FIELD);
    }

    @Test
    void refusesAZeroAmount() {
        fixture.givenNoPriorActivity()
                .when(CreateInvoiceCommand.of(INVOICE, PROJECT, "Free", Money.parse("0.00", "EUR"), NOW))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(PlatformErrorCode.INVALID_AMOUNT);
    }

    @Test
    void movesTheFulfillmentForwardWithItsDetails() {
        fixture.given(created())
                .when(fulfillment(FulfillmentStatus.SHIPPED, PROJECT))
                .expectEvents(InvoiceFulfillmentUpdatedEvent.newBuilder().setInvoiceId(INVOICE.value())
                        .setProjectId(PROJECT.value()).setPreviousStatus("pending").setStatus("shipped")
                        .setCarrier("DHL").setTrackingNumber("JD0001").setNote("left the warehouse")
                        .setUpdatedAt(NOW).build());
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @CsvSource({"delivered, processing", "delivered, shipped", "shipped, cancelled", "cancelled, processing",
        "returned, delivered", "cancelled, cancelled", "processing, returned", "pending, returned"})
    void refusesIllegalTransitions(String from, String to) {
        fixture.given(created(), updated("pending", from))
                .when(fulfillment(FulfillmentStatus.fromWire(to).orElseThrow(), PROJECT))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(InvoiceErrorCode.ILLEGAL_FULFILLMENT_TRANSITION);
    }

    @ParameterizedTest(name = "{0} → {1} is allowed")
    @CsvSource({"pending, processing", "processing, shipped", "shipped, delivered", "delivered, returned",
        "shipped, returned", "pending, cancelled", "processing, cancelled", "shipped, shipped"})
    void allowsTheForwardTransitions(String from, String to) {
        fixture.given(created(), updated("pending", from))
                .when(fulfillment(FulfillmentStatus.fromWire(to).orElseThrow(), PROJECT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(allOf(
                        hasProperty("previousStatus", is(from)), hasProperty("status", is(to))), andNoMore())));
    }

    @Test
    void assignsACustomerAndRemembersThePreviousOne() {
        CustomerId next = CustomerId.newId();
        fixture.given(created(), assigned(CUSTOMER, null))
                .when(new AssignCustomerCommand(INVOICE, PROJECT, next, NOW))
                .expectEvents(assigned(next, CUSTOMER));
    }

    @Test
    void assigningTheSameCustomerAgainChangesNothing() {
        fixture.given(created(), assigned(CUSTOMER, null))
                .when(new AssignCustomerCommand(INVOICE, PROJECT, CUSTOMER, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherProjectCannotAssignACustomer() {
        fixture.given(created())
                .when(new AssignCustomerCommand(INVOICE, new ProjectId("test-proj_other"), CUSTOMER, NOW))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(InvoiceErrorCode.NOT_FOUND);
    }

    private static InvoiceCustomerAssignedEvent assigned(CustomerId customer, CustomerId previous) {
        return InvoiceCustomerAssignedEvent.newBuilder().setInvoiceId(INVOICE.value()).setProjectId(PROJECT.value())
                .setCustomerId(customer.value()).setPreviousCustomerId(previous == null ? null : previous.value())
                .setAssignedAt(NOW).build();
    }

    @Test
    void anotherProjectCannotTouchTheInvoice() {
        fixture.given(created())
                .when(fulfillment(FulfillmentStatus.PROCESSING, new ProjectId("test-proj_other")))
                .expectNoEvents()
                .expectExceptionDetails(InvoiceErrorCode.NOT_FOUND);
    }

    private static CreateInvoiceCommand fullOrder(String amount) {
        return new CreateInvoiceCommand(INVOICE, PROJECT, "Order 42", Money.parse(amount, "USD"), "order-42",
                List.of(new LineItem("Shirt", Money.parse("7.50", "USD"), 2, "physical", "SKU-1", "apparel"),
                        new LineItem("Socks", Money.parse("2.00", "USD"), 1, null, null, null)),
                new Shipping(Money.parse("5.00", "USD"), "express", "DHL", "Ada", "Lovelace", "1 Main St", null,
                        "London", null, "N1", "GB", null, "ada@example.com"),
                new Tax(Money.parse("1.50", "USD"), "20.00"),
                Map.of("channel", "web"), InitiationType.MIT, NOW.plusSeconds(3600),
                URI.create("https://shop.example/return"), null, CUSTOMER, NOW);
    }

    private static InvoiceCreatedEvent created() {
        return InvoiceCreatedEvent.newBuilder().setInvoiceId(INVOICE.value()).setProjectId(PROJECT.value())
                .setName("Order 1").setAmount(1000).setCurrency("USD").setCreatedAt(NOW).build();
    }

    private static InvoiceFulfillmentUpdatedEvent updated(String from, String to) {
        return InvoiceFulfillmentUpdatedEvent.newBuilder().setInvoiceId(INVOICE.value()).setProjectId(PROJECT.value())
                .setPreviousStatus(from).setStatus(to).setUpdatedAt(NOW).build();
    }

    private static UpdateFulfillmentCommand fulfillment(FulfillmentStatus status, ProjectId project) {
        return new UpdateFulfillmentCommand(INVOICE, project, status, "DHL", "JD0001", "left the warehouse", NOW);
    }
}
