package io.smartrouter.invoice.invoice.events;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.testing.TopicReader;
import io.smartrouter.invoice.support.TcpForwarder;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store is the outbox: invoices created while Kafka is down are accepted at once, and their events reach
 * Kafka when it comes back, each exactly once for a consumer that deduplicates on the event id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:invoice-outbox;DB_CLOSE_DELAY=-1",
    "smartrouter.data-dir=target/test-data"
})
@AutoConfigureWebTestClient(timeout = "30s")
class OutboxRecoveryIntegrationTests {

    private static final int KAFKA_PORT = freePort();
    private static EmbeddedKafkaKraftBroker broker;
    private static TcpForwarder kafkaBackOnline;

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void kafkaThatIsNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
    }

    @AfterAll
    static void stopBroker() {
        if (kafkaBackOnline != null) {
            kafkaBackOnline.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void eventsCommittedWhileKafkaIsDownArriveOnceItIsBack() throws Exception {
        var demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO).mutate()
                .responseTimeout(Duration.ofSeconds(5)).build();
        Set<String> invoiceIds = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            var response = demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"While Kafka is down " + i + "\",\"amount\":\"1.00\",\"currency\":\"USD\"}")
                    .exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            @SuppressWarnings("unchecked")
            var invoice = (Map<String, Object>) response.get("invoice");
            invoiceIds.add((String) invoice.get("id"));
        }

        Thread.sleep(1_000);
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.INVOICES);
        // Not spring.embedded.kafka.brokers: that system property belongs to the other test classes' broker.
        broker.brokerListProperty("smartrouter.outbox-test.brokers");
        broker.afterPropertiesSet();
        String[] hostAndPort = broker.getBrokersAsString().split(",")[0].split(":");
        kafkaBackOnline = new TcpForwarder(KAFKA_PORT, hostAndPort[0], Integer.parseInt(hostAndPort[1]));

        List<ConsumerRecord<String, EventEnvelope>> records;
        try (var topic = new TopicReader(broker.getBrokersAsString(), Topics.INVOICES, "outbox-test")) {
            records = topic.pollUntil(seen -> seen.stream().map(ConsumerRecord::key).toList().containsAll(invoiceIds),
                    Duration.ofSeconds(90));
        }

        var processed = new ProcessedEvents(jdbc, transactions, Clock.systemUTC());
        AtomicInteger handled = new AtomicInteger();
        List<ConsumerRecord<String, EventEnvelope>> deliveredTwice = new ArrayList<>(records);
        deliveredTwice.addAll(records);
        for (var record : deliveredTwice) {
            processed.processOnce("outbox-test", record.value().getEventId(), handled::incrementAndGet);
        }

        assertThat(records).extracting(ConsumerRecord::key).containsAll(invoiceIds);
        assertThat(handled.get()).isEqualTo(invoiceIds.size());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
