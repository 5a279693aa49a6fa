package io.smartrouter.invoice.invoice.web;

import io.smartrouter.invoice.invoice.api.FulfillmentStatus;
import io.smartrouter.invoice.invoice.api.UpdateFulfillmentCommand;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.Fields;
import java.time.Instant;

/** The body of {@code PUT /invoices/{id}/fulfillment}. */
record UpdateFulfillmentRequest(String status, String carrier, String trackingNumber, String note) {

    static final int MAX_NOTE = 1000;

    UpdateFulfillmentCommand toCommand(InvoiceId invoiceId, ProjectId projectId, Instant now) {
        FulfillmentStatus next = FulfillmentStatus.fromWire(Fields.required(status, "status", 20))
                .orElseThrow(() -> Fields.invalid("status",
                        "must be one of processing, shipped, delivered, returned, cancelled"));
        return new UpdateFulfillmentCommand(invoiceId, projectId, next,
                Fields.optional(carrier, "carrier", Fields.MAX_TEXT),
                Fields.optional(trackingNumber, "tracking_number", Fields.MAX_TEXT),
                Fields.optional(note, "note", MAX_NOTE), now);
    }
}
