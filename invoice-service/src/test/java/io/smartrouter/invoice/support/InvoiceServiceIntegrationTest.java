package io.smartrouter.invoice.support;

import io.smartrouter.schemas.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The invoice service on an in-memory H2 database and an in-process Kafka broker (KRaft). Test classes extending this
 * share one Spring context and one broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:invoice-it;DB_CLOSE_DELAY=-1",
    "smartrouter.data-dir=target/test-data"
})
@AutoConfigureWebTestClient
@EmbeddedKafka(partitions = 3, topics = Topics.INVOICES)
public abstract class InvoiceServiceIntegrationTest {
}
