package io.smartrouter.payment.gateway.api;

import io.smartrouter.platform.error.ErrorCode;

/** The errors of the gateway configuration calls. */
public enum GatewayConfigurationErrorCode implements ErrorCode {
    NOT_FOUND("resource.gateway_configuration.not-found", 404);

    private final String type;
    private final int status;

    GatewayConfigurationErrorCode(String type, int status) {
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
