package io.smartrouter.invoice.invoice.web;

import io.smartrouter.invoice.invoice.api.FulfillmentStatus;
import io.smartrouter.invoice.invoice.api.ListInvoicesQuery;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.Fields;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The query string of {@code GET /invoices}: API.md's pagination plus created-at and fulfillment filters. */
final class ListInvoicesParameters {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final Set<String> PARAMETERS = Set.of("limit", "start_after", "end_before", "order", "created_after",
            "created_before", "fulfillment_status");

    private ListInvoicesParameters() {
    }

    static ListInvoicesQuery toQuery(ProjectId projectId, Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw Fields.invalid(Fields.shown(name), "is not a parameter of this list; use " + String.join(", ",
                        new TreeSet<>(PARAMETERS)));
            }
        }
        int limit = limit(parameters.get("limit"));
        String startAfter = cursor(parameters.get("start_after"), "start_after");
        String endBefore = cursor(parameters.get("end_before"), "end_before");
        if (startAfter != null && endBefore != null) {
            throw Fields.invalid("end_before", "cannot be combined with start_after");
        }
        String order = parameters.getOrDefault("order", "desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw Fields.invalid("order", "must be asc or desc");
        }
        String status = parameters.get("fulfillment_status");
        FulfillmentStatus fulfillment = status == null ? null : FulfillmentStatus.fromWire(status)
                .orElseThrow(() -> Fields.invalid("fulfillment_status", "is not a fulfillment status"));
        return new ListInvoicesQuery(projectId, limit, startAfter, endBefore, order.equals("asc"),
                Fields.timestamp(parameters.get("created_after"), "created_after"),
                Fields.timestamp(parameters.get("created_before"), "created_before"), fulfillment);
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Fields.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String cursor(String value, String field) {
        if (value != null && !InvoiceId.isWellFormed(value)) {
            throw Fields.invalid(field, "must be an invoice id");
        }
        return value;
    }
}
