package io.smartrouter.webhook.support;

import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.FreshConnections;
import io.smartrouter.schemas.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dispatcher on an in-memory H2 database and an in-process Kafka broker, with a clock tests can move
 * ({@link TestClock}), a short retry schedule (at once, 2 s, 1 h; no jitter), and at most 6 attempts in flight, 4 per
 * endpoint (so that one slow endpoint could take most of them if lanes did not hold it back). Test
 * classes extending this share one context; each test uses its own project so endpoints never see other tests' events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:webhook-it;DB_CLOSE_DELAY=-1",
    "smartrouter.data-dir=target/test-data",
    "smartrouter.webhook.retry-schedule=0s,2s,1h",
    "smartrouter.webhook.retry-jitter=0",
    "smartrouter.webhook.response-timeout=10s",
    "smartrouter.webhook.connect-timeout=1s",
    "smartrouter.webhook.max-concurrency=6",
    "smartrouter.webhook.max-concurrency-per-endpoint=4",
    "smartrouter.webhook.poll-interval=100ms"
})
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(partitions = 3, topics = {Topics.INVOICES, Topics.PAYMENTS, Topics.VAULT, Topics.WEBHOOK_DELIVERIES})
@Import({FreshConnections.class, TestClock.Configuration.class})
public abstract class DispatcherIntegrationTest {

    @Autowired
    protected WebTestClient unsigned;
    @Autowired
    protected ServiceAuthentication auth;
    @Autowired
    protected EmbeddedKafkaBroker kafka;
    @Autowired
    protected TestClock clock;

    /** A local webhook receiver of this test, closed after it. */
    protected Receiver receiver;
    /** A merchant of a project of its own, for this test. */
    protected Merchant merchant;

    @BeforeEach
    void startReceiverAndMerchant() {
        receiver = new Receiver();
        merchant = newMerchant();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    /** Another merchant, with a project of its own. */
    protected Merchant newMerchant() {
        return new Merchant(unsigned, auth, kafka.getBrokersAsString());
    }
}
