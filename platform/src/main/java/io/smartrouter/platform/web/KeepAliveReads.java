package io.smartrouter.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Works around a Reactor Netty server bug (1.3.6, and 1.3.7 too: reactor-netty#4347): a client's next request on a
 * keep-alive connection that arrives before the previous request's operations have terminated is buffered, and the
 * connection may never read again. Nothing is logged; the client waits for its own timeout. Under load on two cores
 * (1–3 of 480 flows in each of four cold starts) that is a merchant's call left without an answer, and the gateway's
 * calls to the services reuse connections the same way. With {@code reactor.netty.http.server.lastFlushWhenNoRead}
 * the previous operations terminate when their response is flushed, so the next request is dispatched at once.
 *
 * <p>Runs before the context (the property is read once, when Reactor Netty's HTTP handler class loads); a value set
 * explicitly ({@code -D}) wins. Remove it once a Reactor Netty release with the fix is served here.
 */
public class KeepAliveReads implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
