package io.smartrouter.payment.transaction.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.Fields;
import java.util.Map;

/** The body of {@code POST /invoices/{id}/refunds}. */
record RefundRequest(String amount, String reason, Map<String, String> metadata) {

    String validAmount() {
        if (amount == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'amount' is required");
        }
        return amount;
    }

    String validReason() {
        return Fields.optional(reason, "reason", Fields.MAX_TEXT);
    }

    Map<String, String> validMetadata() {
        return Fields.metadata(metadata, "metadata");
    }
}
