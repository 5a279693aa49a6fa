package io.smartrouter.payment.transaction.api;

import io.smartrouter.platform.error.ErrorCode;

/** The payment errors of API.md: state conflicts are 409s; declines are 402s whose type is the decline code. */
public enum PaymentErrorCode implements ErrorCode {
    TRANSACTION_NOT_FOUND("resource.transaction.not-found", 404),
    ALREADY_AUTHORIZED("request.invoice.already-authorized", 409),
    ALREADY_CAPTURED("request.invoice.already-captured", 409),
    IN_PROGRESS("request.transaction.in-progress", 409),
    NOT_AUTHORIZED("request.invoice.not-authorized", 409),
    NOT_CAPTURED("request.invoice.not-captured", 409),
    VOIDED("request.invoice.voided", 409),
    AUTHORIZATION_EXPIRED("request.invoice.authorization-expired", 409),
    DISPUTED("request.transaction.disputed", 409),
    SOURCE_INVALID("request.source.invalid", 400),
    IDEMPOTENCY_KEY_REUSED("request.idempotency.key-reused", 422),
    NO_THREE_D_SECURE("request.three-d-s.not-pending", 409),
    GATEWAY_UNAVAILABLE("gateway.unavailable", 502);

    private final String type;
    private final int status;

    PaymentErrorCode(String type, int status) {
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

    /** A decline answered to the merchant: 402 with the decline code as {@code error_type}. */
    public static ErrorCode declined(String declineCode) {
        return ErrorCode.of(declineCode, 402);
    }
}
