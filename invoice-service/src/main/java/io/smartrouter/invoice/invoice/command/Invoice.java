package io.smartrouter.invoice.invoice.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.invoice.invoice.api.FulfillmentStatus;
import io.smartrouter.invoice.invoice.api.InvoiceErrorCode;
import io.smartrouter.invoice.invoice.api.UpdateFulfillmentCommand;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.money.Money;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
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
    private FulfillmentStatus fulfillment;

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
        if (!command.details().isEmpty()) {
            Money itemised = InvoiceTotals.itemised(command);
            if (!itemised.equals(command.amount())) {
                throw reject(PlatformErrorCode.INVALID_AMOUNT, "The amount " + command.amount().toDecimalString()
                        + " must equal the line items plus shipping plus tax: " + itemised.toDecimalString());
            }
        }
        apply(InvoiceEvents.created(command));
    }

    @CommandHandler
    public void handle(UpdateFulfillmentCommand command) {
        if (!projectId.equals(command.projectId().value())) {
            throw reject(InvoiceErrorCode.NOT_FOUND, "No invoice with id " + invoiceId + " was found");
        }
        if (!fulfillment.canMoveTo(command.status())) {
            throw reject(InvoiceErrorCode.ILLEGAL_FULFILLMENT_TRANSITION, "The fulfillment of this invoice cannot go from "
                    + fulfillment.wire() + " to " + command.status().wire());
        }
        apply(InvoiceFulfillmentUpdatedEvent.newBuilder()
                .setInvoiceId(invoiceId)
                .setProjectId(projectId)
                .setPreviousStatus(fulfillment.wire())
                .setStatus(command.status().wire())
                .setCarrier(command.carrier())
                .setTrackingNumber(command.trackingNumber())
                .setNote(command.note())
                .setUpdatedAt(command.updatedAt())
                .build());
    }

    @EventSourcingHandler
    void on(InvoiceCreatedEvent event) {
        invoiceId = event.getInvoiceId();
        projectId = event.getProjectId();
        fulfillment = FulfillmentStatus.PENDING;
    }

    @EventSourcingHandler
    void on(InvoiceFulfillmentUpdatedEvent event) {
        fulfillment = FulfillmentStatus.fromWire(event.getStatus()).orElseThrow();
    }
}
