package io.smartrouter.payment.transaction.web;

import io.smartrouter.platform.web.Fields;
import java.time.Instant;

/**
 * The body of {@code POST /invoices/{id}/authorize}: the source, and optionally when to capture automatically (which
 * overrides the invoice's {@code auto_capture_at}). {@code three_d_s} is part of API.md but not supported yet, so it
 * is refused as an unknown field rather than ignored.
 */
record AuthorizeRequest(String source, String autoCaptureAt) {

    Instant validAutoCaptureAt(Instant now) {
        Instant at = Fields.timestamp(autoCaptureAt, "auto_capture_at");
        if (at != null && !at.isAfter(now)) {
            throw Fields.invalid("auto_capture_at", "must be in the future");
        }
        return at;
    }
}
