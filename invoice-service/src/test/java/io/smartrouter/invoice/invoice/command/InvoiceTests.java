package io.smartrouter.invoice.invoice.command;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;

import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import java.time.Instant;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceTests {

    private static final InvoiceId INVOICE = InvoiceId.newId();
    private static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");

    private FixtureConfiguration<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
    }

    @Test
    void createsAnInvoiceWithItsAmountInMinorUnits() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(INVOICE, PROJECT, "Order 1", Money.parse("10.00", "USD"), NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(InvoiceCreatedEvent.newBuilder()
                        .setInvoiceId(INVOICE.value())
                        .setProjectId(PROJECT.value())
                        .setName("Order 1")
                        .setAmount(1000)
                        .setCurrency("USD")
                        .setCreatedAt(NOW)
                        .build());
    }

    @Test
    void keepsCurrenciesWithoutMinorUnitsExact() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(INVOICE, PROJECT, "Order 2", Money.parse("1000", "JPY"), NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        hasProperty("amount", is(1000L)), andNoMore())));
    }

    @Test
    void refusesAnInvoiceWithoutName() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(INVOICE, PROJECT, " ", Money.parse("10.00", "USD"), NOW))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(PlatformErrorCode.MISSING_FIELD);
    }

    @Test
    void refusesAZeroAmount() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(INVOICE, PROJECT, "Free", Money.parse("0.00", "EUR"), NOW))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(PlatformErrorCode.INVALID_AMOUNT);
    }
}
