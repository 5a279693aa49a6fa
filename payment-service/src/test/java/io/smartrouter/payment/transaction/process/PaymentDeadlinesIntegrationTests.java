package io.smartrouter.payment.transaction.process;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.TopicWriter;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Persistent deadlines, driven with explicit times instead of waiting: automatic capture (from the authorize call or
 * the invoice) and the 7-day authorization expiry.
 */
class PaymentDeadlinesIntegrationTests extends PaymentServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    DeadlineSweeper sweeper;
    @Autowired
    JdbcTemplate jdbc;

    WebTestClient.ResponseSpec authorize(String invoice, String extra) {
        return authorize(invoice, "4242424242424242", extra);
    }

    WebTestClient.ResponseSpec authorize(String invoice, String number, String extra) {
        String card = VAULT.add(CardId.newId().value(), number);
        return GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC).post()
                .uri("/invoices/{id}/authorize", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"" + extra + "}").exchange();
    }

    WebTestClient.BodyContentSpec transaction(String invoice) {
        return GatewayRequests.withSecretKey(unsigned, auth, DEMO).get().uri("/invoices/{id}/transactions", invoice)
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void capturesAutomaticallyWhenTheAuthorizeCallAsked() {
        String invoice = publishInvoice(DEMO, 2_000, "EUR", "cit");
        Instant at = Instant.now().plus(Duration.ofHours(1));
        authorize(invoice, ",\"auto_capture_at\":\"" + at + "\"").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.auto_capture_at").isNotEmpty();

        sweeper.fire(at.minusSeconds(60));
        transaction(invoice).jsonPath("$.transaction.status").isEqualTo("authorized");
        sweeper.fire(at.plusSeconds(1));
        transaction(invoice).jsonPath("$.transaction.status").isEqualTo("completed")
                .jsonPath("$.transaction.captured_amount").isEqualTo("20.00");
    }

    @Test
    void aNewAttemptAfterADeclineCapturesAtItsOwnTimeOnly() {
        String invoice = publishInvoice(DEMO, 2_000, "EUR", "cit");
        Instant first = Instant.now().plus(Duration.ofHours(1));
        Instant second = first.plus(Duration.ofHours(1));
        authorize(invoice, "4000000000000002", ",\"auto_capture_at\":\"" + first + "\"").expectStatus().isEqualTo(402);
        authorize(invoice, ",\"auto_capture_at\":\"" + second + "\"").expectStatus().isOk();

        sweeper.fire(first.plusSeconds(1));
        transaction(invoice).jsonPath("$.transaction.status").isEqualTo("authorized");
        sweeper.fire(second.plusSeconds(1));
        transaction(invoice).jsonPath("$.transaction.status").isEqualTo("completed");
    }

    @Test
    void capturesAutomaticallyAtTheInvoicesTime() {
        String invoice = InvoiceId.newId().value();
        Instant at = Instant.now().plus(Duration.ofHours(2));
        try (var invoices = new TopicWriter(kafka.getBrokersAsString(), Topics.INVOICES)) {
            invoices.publish("Invoice", invoice, 0, DEMO.value(), InvoiceCreatedEvent.newBuilder().setInvoiceId(invoice)
                    .setProjectId(DEMO.value()).setName("Delayed").setAmount(700).setCurrency("EUR")
                    .setAutoCaptureAt(at).setCreatedAt(Instant.now()).build());
        }
        authorize(invoice, "").expectStatus().isOk();

        sweeper.fire(at.plusSeconds(1));
        transaction(invoice).jsonPath("$.transaction.status").isEqualTo("completed");
    }

    @Test
    void anAuthorizationNotCapturedInSevenDaysExpires() {
        String invoice = publishInvoice(DEMO, 900, "EUR", "cit");
        authorize(invoice, "").expectStatus().isOk();
        String transactionId = jdbc.queryForObject("select transaction_id from known_invoice where invoice_id = ?",
                String.class, invoice);
        assertThat(jdbc.queryForObject("select count(*) from payment_deadline where transaction_id = ?", Integer.class,
                transactionId)).isEqualTo(1);

        sweeper.fire(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));

        transaction(invoice).jsonPath("$.transaction.status").isEqualTo("voided")
                .jsonPath("$.transaction.error_code").isEqualTo("authorization.expired");
        GatewayRequests.withSecretKey(unsigned, auth, DEMO).post().uri("/invoices/{id}/capture", invoice)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.invoice.authorization-expired");
        assertThat(jdbc.queryForObject("select count(*) from payment_deadline where transaction_id = ?", Integer.class,
                transactionId)).isZero();
    }

    @Test
    void refusesAnAutoCaptureTimeInThePast() {
        String invoice = publishInvoice(DEMO, 900, "EUR", "cit");
        authorize(invoice, ",\"auto_capture_at\":\"2020-01-01T00:00:00Z\"").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-field");
        authorize(invoice, ",\"three_d_s\":{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.unknown-field");
    }
}
