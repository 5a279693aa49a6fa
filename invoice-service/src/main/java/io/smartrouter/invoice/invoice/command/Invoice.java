package io.smartrouter.invoice.invoice.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The order a merchant takes payment for. Event-sourced: its state is the fold of its events. */
@Aggregate
public class Invoice {

    @AggregateIdentifier
    private String invoiceId;
    private String projectId;

    protected Invoice() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Invoice(CreateInvoiceCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw reject(PlatformErrorCode.MISSING_FIELD, "An invoice needs a name");
        }
        if (!command.amount().isPositive()) {
            throw reject(PlatformErrorCode.INVALID_AMOUNT, "An invoice amount must be greater than zero");
        }
        apply(InvoiceCreatedEvent.newBuilder()
                .setInvoiceId(command.invoiceId().value())
                .setProjectId(command.projectId().value())
                .setName(command.name())
                .setAmount(command.amount().minorUnits())
                .setCurrency(command.amount().currencyCode())
                .setCreatedAt(command.createdAt())
                .build());
    }

    @EventSourcingHandler
    void on(InvoiceCreatedEvent event) {
        invoiceId = event.getInvoiceId();
        projectId = event.getProjectId();
    }
}
