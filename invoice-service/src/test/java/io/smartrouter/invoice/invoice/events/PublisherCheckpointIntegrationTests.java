package io.smartrouter.invoice.invoice.events;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.axon.CheckpointingTokenStore;
import io.smartrouter.platform.events.KafkaEventPublisher;
import io.smartrouter.platform.events.KafkaPublisherHealth;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Kafka publisher's position is written to the service's own token table at most once a second, and the last one
 * is written once the publisher runs out of events (ADR 0022): a restart resends at most about a second of events. A
 * publisher that finds events already stored when it first starts begins with Axon's replay token, which its token
 * store must be able to read back.
 */
class PublisherCheckpointIntegrationTests extends InvoiceServiceIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    KafkaPublisherHealth publisherHealth;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    @Qualifier("serializer")
    Serializer serializer;
    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;

    @Test
    void theLastPublishedPositionReachesTheTokenTable() {
        assertThat(processing.tokenStore(KafkaEventPublisher.PROCESSING_GROUP))
                .isInstanceOf(CheckpointingTokenStore.class);
        assertThat(publisherHealth.health().getStatus()).isEqualTo(Status.UP);
        long last = createInvoices(3);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(writtenPosition()).isGreaterThanOrEqualTo(last));
    }

    /**
     * Events committed before the publisher first claims its position (a request served while the service was still
     * starting, or a token row gone): Axon starts it with a replay token. Its token store could not read that token
     * back once, and the publisher stopped for good: no invoice event reached Kafka again, even after restarts.
     */
    @Test
    void theTokenAPublisherStartsWithOnAStoreWithEventsIsReadBack() {
        createInvoices(1);
        TrackingToken initial = TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .getInitialTrackingToken().apply(eventStore);
        assertThat(ReplayToken.isReplay(initial)).isTrue();

        var transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> tokenStore.initializeTokenSegments("replay-check", 1, initial));

        TrackingToken readBack = transactions.execute(status -> tokenStore.fetchToken("replay-check", 0));
        assertThat(readBack).isEqualTo(initial);
    }

    /** Creates {@code count} invoices; answers the global index of the last event stored. */
    private long createInvoices(int count) {
        for (int i = 0; i < count; i++) {
            GatewayRequests.withSecretKey(unsigned, auth, DEMO).post().uri("/invoices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"Checkpoint " + i + "\",\"amount\":\"1.00\",\"currency\":\"EUR\"}")
                    .exchange().expectStatus().isOk();
        }
        return jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }

    /** The global index the publisher's written token is at; -1 before its first. */
    private long writtenPosition() {
        return jdbc.queryForObject("SELECT token, token_type FROM token_entry WHERE processor_name = ?", (row, n) -> {
            if (row.getString("token_type") == null) {
                return -1L;
            }
            TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("token"),
                    byte[].class, row.getString("token_type"), null));
            return token.position().orElse(-1);
        }, KafkaEventPublisher.PROCESSING_GROUP);
    }
}
