package io.smartrouter.payment.persistence;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.payment.transaction.process.DisputePoller;
import io.smartrouter.payment.transaction.process.OperationReconciler;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.RealPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The payment service on the real PostgreSQL server, in a fresh database: the event store, the read models, the deadline
 * and pending-operation tables, and the sandbox ledger (row locks, idempotent inserts, its added column) all work
 * there, through a payment's whole life including a dispute and the reconciler.
 */
@ExtendWith(RealPostgres.class)
@ActiveProfiles("postgres")
class PostgresPaymentIntegrationTests extends PaymentServiceIntegrationTest {

    private static String url;

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DisputePoller disputes;
    @Autowired
    OperationReconciler reconciler;

    @DynamicPropertySource
    static void freshSchema(DynamicPropertyRegistry registry) {
        url = RealPostgres.useFreshSchema(registry, "payment_it");
    }

    @AfterAll
    static void dropSchema() {
        if (url != null) {
            RealPostgres.dropSchemaOf(url);
        }
    }

    @Test
    void aPaymentLivesItsWholeLifeOnPostgres() {
        var server = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        String invoice = publishInvoice(DEMO, 12_345, "EUR", "cit");
        String card = VAULT.add(CardId.newId().value(), "4000000000000200");

        GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC).post().uri("/invoices/{id}/authorize", invoice)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"source\":\"" + card + "\"}").exchange()
                .expectStatus().isOk();
        server.post().uri("/invoices/{id}/capture", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":\"100.00\"}").exchange().expectStatus().isOk();
        server.post().uri("/invoices/{id}/refunds", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":\"10.00\"}").exchange().expectStatus().isOk();
        Instant captured = Instant.now();
        disputes.poll(captured.plus(Duration.ofSeconds(61)));
        reconciler.reconcile(Duration.ZERO);

        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("chargeback-initiated")
                .jsonPath("$.transaction.captured_amount").isEqualTo("100.00")
                .jsonPath("$.transaction.refunded_amount").isEqualTo("10.00");
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).startsWith("payment_it_");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox_operation", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_operation", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT data_type FROM information_schema.columns WHERE table_schema = "
                + "current_schema() AND table_name = 'domain_event_entry' AND column_name = 'payload'", String.class))
                .containsExactly("bytea");
    }
}
