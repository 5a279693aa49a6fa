package io.smartrouter.invoice.persistence;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.testing.TopicReader;
import io.smartrouter.schemas.Topics;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.RealPostgres;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import java.time.Duration;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The invoice event store, token store and read model on the real PostgreSQL server, in a fresh database: events are
 * stored inline as {@code bytea} (not as large objects), load back through Axon's Avro serializer, and are published.
 */
@ExtendWith(RealPostgres.class)
@ActiveProfiles("postgres")
class PostgresEventStoreIntegrationTests extends InvoiceServiceIntegrationTest {

    private static String url;

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EmbeddedKafkaBroker kafka;

    @DynamicPropertySource
    static void freshSchema(DynamicPropertyRegistry registry) {
        url = RealPostgres.useFreshSchema(registry, "invoice_it");
    }

    private static String createInvoice(WebTestClient client) {
        var created = client.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"On Postgres\",\"amount\":\"1.500\",\"currency\":\"KWD\"}")
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) created.get("invoice")).get("id");
        return id;
    }

    @AfterAll
    static void dropSchema() {
        if (url != null) {
            RealPostgres.dropSchemaOf(url);
        }
    }

    @Test
    void storesReadsListsAndPublishesInvoicesOnPostgres() {
        var demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        String id = createInvoice(demo);

        demo.get().uri("/invoices/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.invoice.amount").isEqualTo("1.500");

        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).startsWith("invoice_it_");
        assertThat(jdbc.queryForList("SELECT data_type FROM information_schema.columns WHERE table_schema = "
                + "current_schema() AND table_name IN ('domain_event_entry', 'token_entry') "
                + "AND column_name IN ('payload', 'meta_data', 'token')", String.class))
                .hasSize(3).containsOnly("bytea");

        var events = eventStore.readEvents(id).asStream().toList();
        assertThat(events).hasSize(1);
        var event = (InvoiceCreatedEvent) events.get(0).getPayload();
        assertThat(event.getAmount()).isEqualTo(1500L);
        assertThat(event.getCurrency()).isEqualTo("KWD");

        demo.put().uri("/invoices/{id}/fulfillment", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"status\":\"shipped\",\"tracking_number\":\"JD0001\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.invoice.fulfillment.history.length()").isEqualTo(1);
        String second = createInvoice(demo);
        demo.get().uri("/invoices?limit=1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.invoices[0].id").isEqualTo(second).jsonPath("$.has_more").isEqualTo(true);
        demo.get().uri("/invoices?limit=1&start_after=" + second).exchange()
                .expectBody().jsonPath("$.invoices[0].id").isEqualTo(id).jsonPath("$.has_more").isEqualTo(false);
        demo.get().uri("/invoices?fulfillment_status=shipped").exchange()
                .expectBody().jsonPath("$.invoices.length()").isEqualTo(1);

        try (var topic = new TopicReader(kafka.getBrokersAsString(), Topics.INVOICES, "postgres-test")) {
            topic.pollUntil(seen -> seen.stream().anyMatch(r -> r.key().equals(id)), Duration.ofSeconds(30));
        }
    }
}
