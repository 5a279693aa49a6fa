package io.smartrouter.vault.support;

import io.smartrouter.platform.testing.FreshConnections;
import io.smartrouter.schemas.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The vault service on an in-memory H2 database, a throw-away local key file and an in-process Kafka broker (KRaft).
 * Test classes extending this share one Spring context and one broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:vault-it;DB_CLOSE_DELAY=-1",
    "smartrouter.data-dir=target/test-data",
    "smartrouter.vault.key-file=target/test-data/vault-keys-${random.uuid}.properties"
})
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(partitions = 3, topics = Topics.VAULT)
@Import(FreshConnections.class)
public abstract class VaultServiceIntegrationTest {
}
