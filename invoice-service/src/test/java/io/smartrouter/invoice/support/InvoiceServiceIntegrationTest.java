package io.smartrouter.invoice.support;

import io.smartrouter.schemas.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.netty.http.client.HttpClient;

/**
 * The invoice service on an in-memory H2 database and an in-process Kafka broker (KRaft). Test classes extending this
 * share one Spring context and one broker. Responses may take longer than WebTestClient's 5 s default on a busy
 * 2-core machine while the JVM warms up, hence 30 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:invoice-it;DB_CLOSE_DELAY=-1",
    "smartrouter.data-dir=target/test-data"
})
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(partitions = 3, topics = Topics.INVOICES)
@Import(InvoiceServiceIntegrationTest.FreshConnections.class)
public abstract class InvoiceServiceIntegrationTest {

    /**
     * One connection per request: a pooled keep-alive connection that the server closes while the client picks it
     * for the next request was seen to leave a test request unanswered for 30 s on this 2-core machine.
     */
    @TestConfiguration
    static class FreshConnections {
        @Bean
        WebTestClientBuilderCustomizer freshConnectionPerRequest() {
            return builder -> builder.clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()));
        }
    }
}
