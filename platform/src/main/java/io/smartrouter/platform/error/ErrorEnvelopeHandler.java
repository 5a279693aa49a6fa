package io.smartrouter.platform.error;

import io.smartrouter.platform.web.Fields;
import io.smartrouter.platform.web.RequestIds;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers every failure in the API's error envelope. Client mistakes become 4xx with a precise code; anything
 * unexpected becomes a 500 without details (logged at ERROR with the request id and the stack trace; a 5xx the code
 * chose is one WARN line). Messages never echo request content, since request bodies may hold card data.
 */
public class ErrorEnvelopeHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorEnvelopeHandler.class);

    private static final String RETRY_UNAVAILABLE_AFTER_SECONDS = "1";

    private final ObjectMapper json;
    private final List<ErrorTranslator> translators;

    public ErrorEnvelopeHandler(ObjectMapper json, List<ErrorTranslator> translators) {
        this.json = json;
        this.translators = List.copyOf(translators);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ApiException error = toApiException(failure);
        if (error.code().status() >= 500) {
            if (failure == error) {
                // An answer the code chose (a service busy or restarting, a PSP not answering): one line, no trace, so
                // an overload does not bury real faults.
                log.warn("Request {} {} {} answered {} {}{}", RequestIds.of(exchange), exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), error.code().status(), error.code().type(),
                        error.getCause() == null ? "" : " (" + error.getCause() + ")");
            } else {
                log.error("Request {} {} {} failed", RequestIds.of(exchange), exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), failure);
            }
        }
        return write(exchange, json, error);
    }

    /** Writes an error envelope; also used by filters that reject a request before any handler runs. */
    public static Mono<Void> write(ServerWebExchange exchange, ObjectMapper json, ApiException error) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(error.code().status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        if (error.code().status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            // A 503 here is passing (a service restarting, a projection catching up): tell clients when to retry.
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_UNAVAILABLE_AFTER_SECONDS);
        }
        byte[] body = json.writeValueAsBytes(ErrorResponse.of(error.code(), error.getMessage()));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    ApiException toApiException(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        for (ErrorTranslator translator : translators) {
            Optional<ApiException> translated = translator.translate(failure);
            if (translated.isPresent()) {
                return translated.get();
            }
        }
        if (causeOf(failure, DataAccessResourceFailureException.class) != null
                || causeOf(failure, CannotCreateTransactionException.class) != null
                || causeOf(failure, SQLTransientConnectionException.class) != null) {
            // The database cannot be reached (a restart, a failover, an exhausted pool): passing, not a fault of ours.
            return new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database; retry shortly");
        }
        if (causeOf(failure, DataBufferLimitException.class) != null || failure instanceof PayloadTooLargeException) {
            return new ApiException(PlatformErrorCode.BODY_TOO_LARGE, "The request body is too large");
        }
        if (failure instanceof UnsupportedMediaTypeStatusException) {
            return new ApiException(PlatformErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be JSON (Content-Type: application/json)");
        }
        if (failure instanceof ServerWebInputException input) {
            return fromInput(input);
        }
        if (failure instanceof MethodNotAllowedException notAllowed) {
            return new ApiException(PlatformErrorCode.METHOD_NOT_ALLOWED,
                    "Method " + notAllowed.getHttpMethod() + " is not allowed on this path");
        }
        if (failure instanceof NotAcceptableStatusException) {
            return new ApiException(PlatformErrorCode.NOT_ACCEPTABLE, "Responses are only available as JSON");
        }
        if (failure instanceof ResponseStatusException status) {
            return fromStatus(status);
        }
        return new ApiException(PlatformErrorCode.INTERNAL_ERROR, "An internal error occurred; it has been logged");
    }

    private static ApiException fromInput(ServerWebInputException input) {
        UnrecognizedPropertyException unknown = causeOf(input, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return new ApiException(PlatformErrorCode.UNKNOWN_FIELD, "Unknown field " + path(unknown));
        }
        InvalidNullException invalidNull = causeOf(input, InvalidNullException.class);
        if (invalidNull != null) {
            return new ApiException(PlatformErrorCode.INVALID_TYPE, "Field " + path(invalidNull) + " must not be null");
        }
        MismatchedInputException mismatch = causeOf(input, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return new ApiException(PlatformErrorCode.INVALID_TYPE, "Field " + path(mismatch) + " has the wrong type");
        }
        if (mismatch != null || causeOf(input, StreamReadException.class) != null
                || causeOf(input, DecodingException.class) != null) {
            return new ApiException(PlatformErrorCode.INVALID_JSON, "The request body is not a valid JSON object");
        }
        if (input.getReason() != null && input.getReason().toLowerCase(Locale.ROOT).contains("request body")) {
            return new ApiException(PlatformErrorCode.INVALID_JSON, "A JSON request body is required");
        }
        return new ApiException(PlatformErrorCode.INVALID_FIELD, "The request is invalid");
    }

    private static ApiException fromStatus(ResponseStatusException status) {
        int code = status.getStatusCode().value();
        if (code == 404) {
            return new ApiException(PlatformErrorCode.ROUTE_NOT_FOUND, "No such endpoint");
        }
        if (code == 413) {
            return new ApiException(PlatformErrorCode.BODY_TOO_LARGE, "The request body is too large");
        }
        if (code >= 400 && code < 500) {
            return new ApiException(ErrorCode.of("request.invalid", code), "The request is invalid");
        }
        return new ApiException(PlatformErrorCode.INTERNAL_ERROR, "An internal error occurred; it has been logged");
    }

    private static String path(JacksonException failure) {
        String path = failure.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? Fields.shown(ref.getPropertyName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "(root)" : "'" + path + "'";
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
