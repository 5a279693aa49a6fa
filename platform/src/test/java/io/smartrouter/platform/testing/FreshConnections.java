package io.smartrouter.platform.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;

/**
 * Test fixture: a WebTestClient with one connection per request. A pooled keep-alive connection that the server closes
 * while the client picks it for the next request was seen to leave a test request unanswered for 30 s on this 2-core
 * machine. {@code @Import} it on a service's integration test base class.
 */
@TestConfiguration
public class FreshConnections {

    @Bean
    WebTestClientBuilderCustomizer freshConnectionPerRequest() {
        return builder -> builder.clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()));
    }
}
