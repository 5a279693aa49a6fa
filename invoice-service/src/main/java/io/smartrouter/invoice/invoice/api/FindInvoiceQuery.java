package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.id.ProjectId;

/** One invoice of one project; an invoice of another project is not found. */
public record FindInvoiceQuery(ProjectId projectId, String invoiceId) {
}
