package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.error.ErrorCode;

/** Rules an invoice command can break. */
public enum InvoiceErrorCode implements ErrorCode {
    NAME_REQUIRED("request.validation.missing-field", 400),
    INVALID_AMOUNT("request.validation.invalid-amount", 400);

    private final String type;
    private final int status;

    InvoiceErrorCode(String type, int status) {
        this.type = type;
        this.status = status;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int status() {
        return status;
    }
}
