package io.smartrouter.invoice.invoice.query;

import io.smartrouter.invoice.transaction.query.TransactionSummary;

/**
 * What the invoice queries answer: the invoice as its own events made it, and the summary of its transaction as the
 * payment service's events made it ({@code null} until a payment is requested). Two read models, two writers.
 */
public record InvoiceWithTransaction(InvoiceView invoice, TransactionSummary transaction) {
}
