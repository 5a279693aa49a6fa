package io.smartrouter.vault.card.api;

import io.smartrouter.platform.error.ErrorCode;

/** The card errors of API.md. Messages never repeat the number or the CVC. */
public enum CardErrorCode implements ErrorCode {
    INVALID_NUMBER("card.invalid-number", 400),
    INVALID_EXPIRY_DATE("card.invalid-expiry-date", 400),
    INVALID_CVC("card.invalid-cvc", 400),
    NOT_FOUND("resource.card.not-found", 404),
    ALREADY_USED("request.source.already-used", 409),
    /** The card was deleted (its PAN erased): it can no longer pay or be saved. */
    DELETED("request.source.deleted", 409);

    private final String type;
    private final int status;

    CardErrorCode(String type, int status) {
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
