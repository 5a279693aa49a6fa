package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.error.ErrorCode;

/** Rules of the Invoice aggregate that the platform's codes do not name. */
public enum InvoiceErrorCode implements ErrorCode {
    NOT_FOUND("resource.invoice.not-found", 404),
    ILLEGAL_FULFILLMENT_TRANSITION("request.invoice.illegal-fulfillment-transition", 409);

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
