package io.smartrouter.platform.web;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** WebClients for calls to another service or a PSP: never without a connect and a response timeout. */
public final class WebClients {

    private WebClients() {
    }

    /** A client of {@code baseUrl} on Reactor Netty's shared connection pool. */
    public static WebClient withTimeouts(String baseUrl, Duration connectTimeout, Duration responseTimeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .responseTimeout(responseTimeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).baseUrl(baseUrl).build();
    }
}
