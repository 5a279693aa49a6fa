package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves an invoice's fulfillment to {@code status}, with optional carrier, tracking number and note. */
public record UpdateFulfillmentCommand(
        @TargetAggregateIdentifier InvoiceId invoiceId,
        ProjectId projectId,
        FulfillmentStatus status,
        String carrier,
        String trackingNumber,
        String note,
        Instant updatedAt) {
}
