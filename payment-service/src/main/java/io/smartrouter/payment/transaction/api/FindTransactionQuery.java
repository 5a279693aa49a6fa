package io.smartrouter.payment.transaction.api;

import io.smartrouter.platform.id.ProjectId;

/** One transaction of a project, by its id or (when {@code byInvoice}) by its invoice's id. */
public record FindTransactionQuery(ProjectId projectId, String id, boolean byInvoice) {
}
