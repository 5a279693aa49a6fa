package io.smartrouter.gateway;

import io.smartrouter.platform.error.ErrorCode;

/** The errors the gateway answers itself, beyond the platform's. */
public enum GatewayErrorCode implements ErrorCode {
    IDEMPOTENCY_KEY_INVALID("request.idempotency.invalid-key", 400),
    IDEMPOTENCY_IN_PROGRESS("request.idempotency.in-progress", 409),
    IDEMPOTENCY_KEY_REUSED("request.idempotency.key-reused", 422),
    RATE_LIMITED("request.rate-limited", 429),
    RESPONSE_TOO_LARGE("server.response-too-large", 502);

    private final String type;
    private final int status;

    GatewayErrorCode(String type, int status) {
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
