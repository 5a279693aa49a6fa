package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an invoice: the order a payment will be taken for. Every amount is in the invoice's currency. A customer, when
 * given, was checked against the vault's customers of the project before the command was sent.
 */
public record CreateInvoiceCommand(
        @TargetAggregateIdentifier InvoiceId invoiceId,
        ProjectId projectId,
        String name,
        Money amount,
        String referenceId,
        List<LineItem> details,
        Shipping shipping,
        Tax tax,
        Map<String, String> metadata,
        InitiationType initiationType,
        Instant autoCaptureAt,
        URI returnUrl,
        URI webhookUrl,
        CustomerId customerId,
        Instant createdAt) {

    public CreateInvoiceCommand {
        details = details == null ? List.of() : List.copyOf(details);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        initiationType = initiationType == null ? InitiationType.CIT : initiationType;
    }

    /** An invoice with a name and an amount only. */
    public static CreateInvoiceCommand of(InvoiceId invoiceId, ProjectId projectId, String name, Money amount,
            Instant createdAt) {
        return new CreateInvoiceCommand(invoiceId, projectId, name, amount, null, null, null, null, null, null, null,
                null, null, null, createdAt);
    }
}
