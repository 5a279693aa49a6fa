package io.smartrouter.invoice.invoice.query;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the invoice read model. Its processing group is a subscribing processor (see application.yml): the row is
 * written in the same transaction as the event, so an invoice can be read as soon as a command on it returns.
 * {@link InvoiceQueries} answers from it.
 */
@Component
@ProcessingGroup(InvoiceSummaryProjection.PROCESSING_GROUP)
public class InvoiceSummaryProjection {

    public static final String PROCESSING_GROUP = "invoice-summary";
    /** The document format is internal to this projection: plain field names, ISO-8601 instants. */
    private static final JsonMapper DOCUMENTS = JsonMapper.builder().build();

    private final InvoiceSummaryRepository invoices;

    InvoiceSummaryProjection(InvoiceSummaryRepository invoices) {
        this.invoices = invoices;
    }

    @EventHandler
    void on(InvoiceCreatedEvent event) {
        InvoiceView invoice = InvoiceViews.created(event);
        invoices.save(new InvoiceSummary(invoice, write(invoice)));
    }

    @EventHandler
    void on(InvoiceFulfillmentUpdatedEvent event) {
        InvoiceSummary row = existing(event.getInvoiceId());
        InvoiceView updated = InvoiceViews.fulfillmentUpdated(read(row), event);
        row.update(updated, write(updated));
        invoices.save(row);
    }

    @EventHandler
    void on(InvoiceCustomerAssignedEvent event) {
        InvoiceSummary row = existing(event.getInvoiceId());
        InvoiceView updated = read(row).withCustomer(event.getCustomerId());
        row.update(updated, write(updated));
        invoices.save(row);
    }

    private InvoiceSummary existing(String invoiceId) {
        return invoices.findById(invoiceId).orElseThrow(() -> new IllegalStateException(
                "Event for unknown invoice " + invoiceId));
    }

    static InvoiceView read(InvoiceSummary row) {
        return DOCUMENTS.readValue(row.document(), InvoiceView.class);
    }

    private static String write(InvoiceView invoice) {
        String json = DOCUMENTS.writeValueAsString(invoice);
        if (json.length() > InvoiceSummary.MAX_DOCUMENT) {
            throw new IllegalStateException("Invoice " + invoice.invoiceId() + " is too large for the read model");
        }
        return json;
    }
}
