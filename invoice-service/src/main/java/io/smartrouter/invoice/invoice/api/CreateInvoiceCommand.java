package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an invoice: the order a payment will be taken for. */
public record CreateInvoiceCommand(
        @TargetAggregateIdentifier InvoiceId invoiceId,
        ProjectId projectId,
        String name,
        Money amount,
        Instant createdAt) {
}
