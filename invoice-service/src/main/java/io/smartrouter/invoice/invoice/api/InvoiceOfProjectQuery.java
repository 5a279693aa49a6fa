package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.id.ProjectId;

/** Whether the invoice exists and is the project's: answers a {@code Boolean}, reading nothing else of it. */
public record InvoiceOfProjectQuery(ProjectId projectId, String invoiceId) {
}
