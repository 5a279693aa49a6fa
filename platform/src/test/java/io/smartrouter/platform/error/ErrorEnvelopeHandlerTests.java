package io.smartrouter.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class ErrorEnvelopeHandlerTests {

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorEnvelopeHandler.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void logsAChosen5xxAsOneWarningAndAnUnexpectedFailureAsAnErrorWithItsTrace() {
        handle(new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "Busy"));
        handle(new IllegalStateException("boom"));
        handle(new ApiException(PlatformErrorCode.INVALID_AMOUNT, "Bad amount"));
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(lines.list.get(0).getFormattedMessage()).endsWith("answered 503 server.service-unavailable");
        assertThat(lines.list.get(0).getThrowableProxy()).isNull();
        assertThat(lines.list.get(1).getLevel()).isEqualTo(Level.ERROR);
        assertThat(lines.list.get(1).getThrowableProxy().getMessage()).isEqualTo("boom");
    }

    @Test
    void answersApiErrorsWithTheirCodeAndMessage() {
        var exchange = handle(new ApiException(PlatformErrorCode.INVALID_AMOUNT, "Bad amount"));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("{\"success\":false,\"error_type\":\"request.validation.invalid-amount\",\"message\":\"Bad amount\"}");
    }

    @Test
    void hidesTheDetailsOfUnexpectedFailures() {
        var exchange = handle(new IllegalStateException("card 4242424242424242 exploded at line 7"));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("server.internal-error").doesNotContain("4242").doesNotContain("exploded");
    }

    @Test
    void consultsTranslatorsFirst() {
        ErrorTranslator translator = failure -> Optional.of(new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "Later"));
        var handler = new ErrorEnvelopeHandler(json, List.of(translator));
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));
        handler.handle(exchange, new IllegalStateException()).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void anUnreachableDatabaseIsARetriable503() {
        for (Throwable down : List.of(
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
                new IllegalStateException("wrapped", new SQLTransientConnectionException("timeout")))) {
            var exchange = handle(down);
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(exchange.getResponse().getBodyAsString().block()).contains("server.service-unavailable")
                    .doesNotContain("Hikari").doesNotContain("JDBC");
        }
    }

    @Test
    void saysWhenToRetryOnlyWhenUnavailable() {
        assertThat(handle(new ApiException(PlatformErrorCode.INTERNAL_ERROR, "x")).getResponse().getHeaders()
                .getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void mapsFrameworkStatusesToEnvelopeCodes() {
        assertThat(handle(new ResponseStatusException(HttpStatus.NOT_FOUND)).getResponse().getBodyAsString().block())
                .contains("request.route.not-found");
        assertThat(handle(new ResponseStatusException(HttpStatus.CONFLICT)).getResponse().getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(handle(new ResponseStatusException(HttpStatus.BAD_GATEWAY)).getResponse().getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private MockServerWebExchange handle(Throwable failure) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/invoices"));
        new ErrorEnvelopeHandler(json, List.of()).handle(exchange, failure).block();
        return exchange;
    }
}
