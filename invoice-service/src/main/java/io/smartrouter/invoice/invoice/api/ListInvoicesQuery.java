package io.smartrouter.invoice.invoice.api;

import io.smartrouter.invoice.transaction.api.TransactionStatus;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;

/**
 * A page of a project's invoices, newest first unless {@code ascending}. At most one of {@code startAfter} and
 * {@code endBefore} (invoice ids of the same project) positions the page; the filters are optional and the
 * created-at bounds exclusive. {@code transactionStatus} keeps the invoices whose transaction has that status (an
 * invoice without a transaction has none).
 */
public record ListInvoicesQuery(ProjectId projectId, int limit, String startAfter, String endBefore, boolean ascending,
        Instant createdAfter, Instant createdBefore, FulfillmentStatus fulfillmentStatus,
        TransactionStatus transactionStatus) {
}
