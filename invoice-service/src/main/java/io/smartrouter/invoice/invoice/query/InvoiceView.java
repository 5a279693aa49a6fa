package io.smartrouter.invoice.invoice.query;

import java.time.Instant;

/** What a {@code FindInvoiceQuery} answers: a snapshot of the read model, detached from JPA. */
public record InvoiceView(String invoiceId, String projectId, String name, long amountMinor, String currency,
        Instant createdAt) {
}
