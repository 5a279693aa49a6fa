package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.error.ErrorCode;

/** Errors of customers and customer tokens. */
public enum CustomerErrorCode implements ErrorCode {
    NOT_FOUND("resource.customer.not-found", 404),
    TOKEN_NOT_FOUND("resource.token.not-found", 404);

    private final String type;
    private final int status;

    CustomerErrorCode(String type, int status) {
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
