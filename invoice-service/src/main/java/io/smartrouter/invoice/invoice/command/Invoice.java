package io.smartrouter.invoice.invoice.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.invoice.invoice.api.AssignCustomerCommand;
import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.invoice.invoice.api.FulfillmentStatus;
import io.smartrouter.invoice.invoice.api.InvoiceErrorCode;
import io.smartrouter.invoice.invoice.api.UpdateFulfillmentCommand;
import io.smartrouter.platform.config.PlatformAxonAutoConfiguration;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The order a merchant takes payment for. Event-sourced: its state is the fold of its events. */
@Aggregate(cache = PlatformAxonAutoConfiguration.AGGREGATE_CACHE)
public class Invoice {

    @AggregateIdentifier
    private String invoiceId;
    private String projectId;
    private FulfillmentStatus fulfillment;
    private String customerId;

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

    /** Assigning the customer already assigned changes nothing and emits nothing. */
    @CommandHandler
    public void handle(AssignCustomerCommand command) {
        requireOwnedBy(command.projectId());
        if (command.customerId().value().equals(customerId)) {
            return;
        }
        apply(InvoiceCustomerAssignedEvent.newBuilder()
                .setInvoiceId(invoiceId)
                .setProjectId(projectId)
                .setCustomerId(command.customerId().value())
                .setPreviousCustomerId(customerId)
                .setAssignedAt(command.assignedAt())
                .build());
    }

    @CommandHandler
    public void handle(UpdateFulfillmentCommand command) {
        requireOwnedBy(command.projectId());
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

    private void requireOwnedBy(ProjectId caller) {
        if (!projectId.equals(caller.value())) {
            throw reject(InvoiceErrorCode.NOT_FOUND, "No invoice with id " + invoiceId + " was found");
        }
    }

    @EventSourcingHandler
    void on(InvoiceCreatedEvent event) {
        invoiceId = event.getInvoiceId();
        projectId = event.getProjectId();
        customerId = event.getCustomerId();
        fulfillment = FulfillmentStatus.PENDING;
    }

    @EventSourcingHandler
    void on(InvoiceCustomerAssignedEvent event) {
        customerId = event.getCustomerId();
    }

    @EventSourcingHandler
    void on(InvoiceFulfillmentUpdatedEvent event) {
        fulfillment = FulfillmentStatus.fromWire(event.getStatus()).orElseThrow();
    }
}
