package io.smartrouter.platform.error;

/**
 * An error answered to the client in the API's error envelope. The message is shown to merchants as is, so it must
 * never contain card data, secrets or internal details.
 */
public class ApiException extends RuntimeException {

    private final transient ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** {@code resource.<type>.not-found}, also for objects that exist in another project. */
    public static ApiException notFound(String resourceType, String id) {
        return new ApiException(ErrorCode.of("resource." + resourceType + ".not-found", 404),
                "No " + resourceType + " with id " + id + " was found");
    }

    public ErrorCode code() {
        return code;
    }
}
