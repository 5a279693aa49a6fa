package io.smartrouter.platform.error;

/** Error codes every service may answer with. Service-specific codes live in their own enums. */
public enum PlatformErrorCode implements ErrorCode {
    INVALID_JSON("request.validation.invalid-json", 400),
    UNKNOWN_FIELD("request.validation.unknown-field", 400),
    INVALID_TYPE("request.validation.invalid-type", 400),
    MISSING_FIELD("request.validation.missing-field", 400),
    INVALID_FIELD("request.validation.invalid-field", 400),
    INVALID_AMOUNT("request.validation.invalid-amount", 400),
    INVALID_CURRENCY("request.validation.invalid-currency", 400),
    INVALID_ID("request.validation.invalid-id", 400),
    AUTHENTICATION_INVALID("request.authentication.invalid", 401),
    SECRET_KEY_REQUIRED("request.authentication.secret-key-required", 401),
    ROUTE_NOT_FOUND("request.route.not-found", 404),
    METHOD_NOT_ALLOWED("request.method.not-allowed", 405),
    /** Another request changed the same object at the same moment and won; retrying sees its result. */
    CONCURRENT_MODIFICATION("request.concurrent-modification", 409),
    NOT_ACCEPTABLE("request.not-acceptable", 406),
    BODY_TOO_LARGE("request.body.too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("request.content-type.unsupported", 415),
    INTERNAL_ERROR("server.internal-error", 500),
    SERVICE_UNAVAILABLE("server.service-unavailable", 503),
    SERVICE_TIMEOUT("server.service-timeout", 504);

    private final String type;
    private final int status;

    PlatformErrorCode(String type, int status) {
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
