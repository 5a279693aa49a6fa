package io.smartrouter.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.handler.DefaultWebFilterChain;
import reactor.core.publisher.Mono;

/** Every service's access line carries the request id the gateway forwarded, and never the query string. */
class AccessLogFilterTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.smartrouter.access");
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
    void logsTheRequestIdMethodPathAndStatusOnCommit() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/invoices?secret=1")
                .header(RequestIds.HEADER, "req-from-gateway"));
        var chain = new DefaultWebFilterChain(ex -> {
            ex.getResponse().setStatusCode(HttpStatus.CONFLICT);
            return ex.getResponse().setComplete();
        }, List.<WebFilter>of(new RequestIdFilter(), new AccessLogFilter()));
        chain.filter(exchange).then(Mono.empty()).block();

        assertThat(lines.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .startsWith("req-from-gateway - POST /invoices 409 ").doesNotContain("secret"));
    }
}
