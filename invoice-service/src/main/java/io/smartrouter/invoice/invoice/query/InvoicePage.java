package io.smartrouter.invoice.invoice.query;

import java.util.List;

/** What a {@code ListInvoicesQuery} answers: the invoices in list order, and whether more follow. */
public record InvoicePage(List<InvoiceWithTransaction> invoices, boolean hasMore) {

    public InvoicePage {
        invoices = List.copyOf(invoices);
    }
}
