package io.smartrouter.platform.error;

/** The error envelope of API.md: {@code {"success": false, "error_type": "...", "message": "..."}}. */
public record ErrorResponse(boolean success, String errorType, String message) {

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(false, code.type(), message);
    }
}
