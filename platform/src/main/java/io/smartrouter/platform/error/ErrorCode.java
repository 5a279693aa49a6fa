package io.smartrouter.platform.error;

/**
 * A machine-readable error: the dotted {@code error_type} of the API's error envelope and the HTTP status it maps to.
 * Business errors cross the command bus as codes (enums implementing this), never as exception classes.
 */
public interface ErrorCode {

    /** The dotted code merchants program against, e.g. {@code request.validation.invalid-amount}. */
    String type();

    /** The HTTP status the code is answered with. */
    int status();

    /** A code made up where no enum names it (e.g. {@code resource.<type>.not-found}). Equal by value. */
    static ErrorCode of(String type, int status) {
        return new Simple(type, status);
    }

    /** The value type behind {@link #of}. */
    record Simple(String type, int status) implements ErrorCode {
    }
}
