package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns a customer of the vault (already checked to be a live customer of the project) to an invoice. */
public record AssignCustomerCommand(
        @TargetAggregateIdentifier InvoiceId invoiceId,
        ProjectId projectId,
        CustomerId customerId,
        Instant assignedAt) {
}
