package io.smartrouter.invoice.invoice.web;

import io.smartrouter.invoice.invoice.api.FulfillmentStatus;
import io.smartrouter.invoice.invoice.api.ListInvoicesQuery;
import io.smartrouter.invoice.transaction.api.TransactionStatus;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.Fields;
import io.smartrouter.platform.web.PageParameters;
import java.util.Map;
import java.util.Set;

/**
 * The query string of {@code GET /invoices}: API.md's pagination plus created-at, fulfillment and transaction status
 * filters.
 */
final class ListInvoicesParameters {

    private static final Set<String> FILTERS = Set.of("created_after", "created_before", "fulfillment_status",
            "transaction_status");

    private ListInvoicesParameters() {
    }

    static ListInvoicesQuery toQuery(ProjectId projectId, Map<String, String> parameters) {
        PageParameters page = PageParameters.parse(parameters, FILTERS, InvoiceId::isWellFormed, "an invoice id");
        String status = parameters.get("fulfillment_status");
        FulfillmentStatus fulfillment = status == null ? null : FulfillmentStatus.fromWire(status)
                .orElseThrow(() -> Fields.invalid("fulfillment_status", "is not a fulfillment status"));
        String transactionStatus = parameters.get("transaction_status");
        TransactionStatus transaction = transactionStatus == null ? null : TransactionStatus.fromWire(transactionStatus)
                .orElseThrow(() -> Fields.invalid("transaction_status", "is not a transaction status"));
        return new ListInvoicesQuery(projectId, page.limit(), page.startAfter(), page.endBefore(), page.ascending(),
                Fields.timestamp(parameters.get("created_after"), "created_after"),
                Fields.timestamp(parameters.get("created_before"), "created_before"), fulfillment, transaction);
    }
}
