package io.smartrouter.invoice.support;

import io.smartrouter.platform.testing.FakeOwner;
import io.smartrouter.platform.testing.FreshConnections;
import io.smartrouter.schemas.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The invoice service on an in-memory H2 database and an in-process Kafka broker (KRaft). Test classes extending this
 * share one Spring context and one broker. Responses may take longer than WebTestClient's 5 s default on a busy
 * 2-core machine while the JVM warms up, hence 30 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:invoice-it;DB_CLOSE_DELAY=-1",
    "smartrouter.data-dir=target/test-data",
    "smartrouter.invoice.customer-catch-up=1s"
})
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(partitions = 3, topics = {Topics.INVOICES, Topics.PAYMENTS, Topics.VAULT})
@Import(FreshConnections.class)
public abstract class InvoiceServiceIntegrationTest {

    /** The vault's answer to whether a customer not heard of exists: none, unless a test adds one. */
    protected static final FakeOwner VAULT_CUSTOMERS = new FakeOwner("customers");

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry properties) {
        properties.add("smartrouter.invoice.vault-url", VAULT_CUSTOMERS::url);
    }
}
