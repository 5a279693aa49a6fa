package io.smartrouter.invoice.invoice.query;

import io.smartrouter.invoice.invoice.api.FindInvoiceQuery;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the invoice read model. Its processing group is a subscribing processor (see application.yml): the row is
 * written in the same transaction as the event, so an invoice can be read as soon as its creation returns.
 */
@Component
@ProcessingGroup(InvoiceSummaryProjection.PROCESSING_GROUP)
public class InvoiceSummaryProjection {

    public static final String PROCESSING_GROUP = "invoice-summary";

    private final InvoiceSummaryRepository invoices;

    InvoiceSummaryProjection(InvoiceSummaryRepository invoices) {
        this.invoices = invoices;
    }

    @EventHandler
    void on(InvoiceCreatedEvent event) {
        invoices.save(new InvoiceSummary(event.getInvoiceId(), event.getProjectId(), event.getName(),
                event.getAmount(), event.getCurrency(), event.getCreatedAt()));
    }

    @QueryHandler
    public Optional<InvoiceView> handle(FindInvoiceQuery query) {
        return invoices.findByInvoiceIdAndProjectId(query.invoiceId(), query.projectId().value())
                .map(InvoiceSummary::toView);
    }
}
