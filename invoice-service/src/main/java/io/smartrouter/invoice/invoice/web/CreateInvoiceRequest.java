package io.smartrouter.invoice.invoice.web;

import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import java.time.Instant;

/** The body of {@code POST /invoices}. Unknown fields are rejected by the platform's JSON settings. */
record CreateInvoiceRequest(String name, String amount, String currency) {

    static final int MAX_NAME_LENGTH = 255;

    CreateInvoiceCommand toCommand(InvoiceId invoiceId, ProjectId projectId, Instant now) {
        if (name == null || name.isBlank()) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'name' is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD,
                    "Field 'name' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (amount == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'amount' is required");
        }
        if (currency == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'currency' is required");
        }
        Money money = Money.parse(amount, currency);
        if (!money.isPositive()) {
            throw new ApiException(PlatformErrorCode.INVALID_AMOUNT, "Field 'amount' must be greater than zero");
        }
        return new CreateInvoiceCommand(invoiceId, projectId, name, money, now);
    }
}
