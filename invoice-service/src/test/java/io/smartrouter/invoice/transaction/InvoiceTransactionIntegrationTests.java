package io.smartrouter.invoice.transaction;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.platform.testing.GatewayRequests.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.TopicWriter;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The invoice's transaction summary, kept from the payment service's events on Kafka (played here by a
 * {@link TopicWriter}): status and amounts through a payment's life, the last error cleared by a success, redelivered
 * events applied once, another project's events ignored, and the list's transaction status filter.
 */
class InvoiceTransactionIntegrationTests extends InvoiceServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    EmbeddedKafkaBroker kafka;

    WebTestClient demo;
    TopicWriter payments;

    @BeforeEach
    void setUp() {
        demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        payments = new TopicWriter(kafka.getBrokersAsString(), Topics.PAYMENTS);
    }

    @AfterEach
    void closePayments() {
        payments.close();
    }

    @Test
    void followsAPaymentFromRequestToFullRefund() {
        String invoice = createInvoice(demo);
        assertThat(invoice(demo, invoice)).containsEntry("transaction", null);
        var payment = PaymentEvents.newTransaction(DEMO.value(), invoice);

        publish(payment, payment.requested(1000, "EUR", T0));
        var pending = awaitTransaction(demo, invoice, t -> "pending".equals(t.get("status")));
        assertThat(pending).containsEntry("id", payment.transactionId()).containsEntry("amount", "10.00")
                .containsEntry("currency", "EUR").containsEntry("authorized_amount", "0.00")
                .containsEntry("captured_amount", "0.00").containsEntry("refunded_amount", "0.00")
                .containsEntry("error_code", null).containsEntry("updated_at", T0.toString());

        publish(payment, payment.operationStarted("authorization", 1000, "EUR", T0.plusSeconds(1)));
        publish(payment, payment.authorized(1000, "EUR", T0.plusSeconds(2)));
        assertThat(awaitTransaction(demo, invoice, t -> "authorized".equals(t.get("status"))))
                .containsEntry("authorized_amount", "10.00").containsEntry("captured_amount", "0.00")
                .containsEntry("updated_at", T0.plusSeconds(2).toString());

        publish(payment, payment.captured(1000, 1000, "EUR", T0.plusSeconds(3)));
        assertThat(awaitTransaction(demo, invoice, t -> "completed".equals(t.get("status"))))
                .containsEntry("captured_amount", "10.00");

        publish(payment, payment.refunded(250, 250, "EUR", T0.plusSeconds(4)));
        assertThat(awaitTransaction(demo, invoice, t -> "partially-refunded".equals(t.get("status"))))
                .containsEntry("refunded_amount", "2.50");

        publish(payment, payment.refunded(750, 1000, "EUR", T0.plusSeconds(5)));
        assertThat(awaitTransaction(demo, invoice, t -> "refunded".equals(t.get("status"))))
                .containsEntry("amount", "10.00").containsEntry("authorized_amount", "10.00")
                .containsEntry("captured_amount", "10.00").containsEntry("refunded_amount", "10.00")
                .containsEntry("error_code", null);
    }

    @Test
    void aFailedAttemptThenASuccessClearsTheErrorCode() {
        String invoice = createInvoice(demo);
        var payment = PaymentEvents.newTransaction(DEMO.value(), invoice);

        publish(payment, payment.requested(1000, "EUR", T0));
        publish(payment, payment.failed("card.declined", T0.plusSeconds(1)));
        assertThat(awaitTransaction(demo, invoice, t -> "failed".equals(t.get("status"))))
                .containsEntry("error_code", "card.declined");

        publish(payment, payment.requested(1000, "EUR", T0.plusSeconds(2)));
        publish(payment, payment.authorized(1000, "EUR", T0.plusSeconds(3)));
        assertThat(awaitTransaction(demo, invoice, t -> "authorized".equals(t.get("status"))))
                .containsEntry("id", payment.transactionId()).containsEntry("error_code", null)
                .containsEntry("authorized_amount", "10.00").containsEntry("updated_at", T0.plusSeconds(3).toString());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String invoice = createInvoice(demo);
        var payment = PaymentEvents.newTransaction(DEMO.value(), invoice);
        publish(payment, payment.requested(1000, "EUR", T0));
        EventEnvelope authorized = publish(payment, payment.authorized(1000, "EUR", T0.plusSeconds(1)));
        publish(payment, payment.captured(600, 600, "EUR", T0.plusSeconds(2)));
        awaitTransaction(demo, invoice, t -> "completed".equals(t.get("status")));

        // Applied a second time, the authorization would take the transaction back to authorized. The failed refund
        // that follows on the same partition shows when the redelivery has been consumed.
        payments.send(authorized);
        publish(payment, payment.refundFailed(100, "EUR", "refund.declined", T0.plusSeconds(3)));

        assertThat(awaitTransaction(demo, invoice, t -> "refund.declined".equals(t.get("error_code"))))
                .containsEntry("status", "completed").containsEntry("captured_amount", "6.00")
                .containsEntry("refunded_amount", "0.00").containsEntry("updated_at", T0.plusSeconds(3).toString());
    }

    @Test
    void anotherProjectsEventsNeverTouchTheInvoice() {
        String invoice = createInvoice(demo);
        String transaction = Ids.newId("tr_");
        var intruder = new PaymentEvents(transaction, OTHER.value(), invoice);
        var payment = new PaymentEvents(transaction, DEMO.value(), invoice);

        // Same transaction id, so the same partition: the intruder's events are consumed before the next ones.
        publish(intruder, intruder.requested(1, "EUR", T0));
        publish(payment, payment.requested(1000, "EUR", T0.plusSeconds(1)));
        publish(payment, payment.authorized(1000, "EUR", T0.plusSeconds(2)));
        publish(intruder, intruder.voided(T0.plusSeconds(3)));
        publish(payment, payment.captureFailed(1000, "EUR", "gateway.timeout", T0.plusSeconds(4)));

        assertThat(awaitTransaction(demo, invoice, t -> "gateway.timeout".equals(t.get("error_code"))))
                .containsEntry("status", "authorized").containsEntry("amount", "10.00");
        GatewayRequests.withSecretKey(unsigned, auth, OTHER).get().uri("/invoices/{id}", invoice).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void filtersTheListByTransactionStatusPageByPage() {
        // A project of its own, so that other tests' invoices do not show.
        var projectId = new ProjectId("test-proj_pay" + Ids.random());
        var project = GatewayRequests.withSecretKey(unsigned, auth, projectId);
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            invoices.add(createInvoice(project));
        }
        // Three authorized, one pending, one without a transaction.
        for (int i = 0; i < 4; i++) {
            var payment = PaymentEvents.newTransaction(projectId.value(), invoices.get(i));
            publish(payment, payment.requested(1000, "EUR", T0));
            if (i < 3) {
                publish(payment, payment.authorized(1000, "EUR", T0.plusSeconds(1)));
            }
        }
        for (int i = 0; i < 4; i++) {
            String expected = i < 3 ? "authorized" : "pending";
            awaitTransaction(project, invoices.get(i), t -> expected.equals(t.get("status")));
        }
        // The list's own order (invoices created in the same millisecond are ordered by id), authorized ones only.
        List<String> newestFirst = ids(list(project, "limit=100"));
        assertThat(newestFirst).hasSize(5);
        List<String> expectedOrder = newestFirst.stream().filter(invoices.subList(0, 3)::contains).toList();
        List<String> oldestFirst = new ArrayList<>(expectedOrder);
        Collections.reverse(oldestFirst);

        var first = list(project, "transaction_status=authorized&limit=2");
        assertThat(ids(first)).containsExactlyElementsOf(expectedOrder.subList(0, 2));
        assertThat(first).containsEntry("has_more", true);
        @SuppressWarnings("unchecked")
        var shown = ((List<Map<String, Object>>) first.get("invoices")).get(0);
        assertThat(transactionOf(shown)).containsEntry("status", "authorized");
        var second = list(project, "transaction_status=authorized&limit=2&start_after=" + expectedOrder.get(1));
        assertThat(ids(second)).containsExactly(expectedOrder.get(2));
        assertThat(second).containsEntry("has_more", false);
        assertThat(ids(list(project, "transaction_status=authorized&order=asc")))
                .containsExactlyElementsOf(oldestFirst);

        assertThat(ids(list(project, "transaction_status=pending"))).containsExactly(invoices.get(3));
        assertThat(ids(list(project, "transaction_status=chargeback-initiated"))).isEmpty();
        assertThat(ids(list(project, "transaction_status=authorized&fulfillment_status=pending"))).hasSize(3);
        for (String status : new String[] {"paid", "AUTHORIZED", "partially_refunded", ""}) {
            project.get().uri("/invoices?transaction_status=" + status).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-field");
        }
    }

    private EventEnvelope publish(PaymentEvents payment, SpecificRecord event) {
        return payments.publish("Payment", payment.transactionId(), 0, payment.projectId(), event);
    }

    @SuppressWarnings("unchecked")
    private static String createInvoice(WebTestClient client) {
        var body = client.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Paid\",\"amount\":\"10.00\",\"currency\":\"EUR\"}").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<String, Object>) body.get("invoice")).get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> invoice(WebTestClient client, String invoiceId) {
        var body = client.get().uri("/invoices/{id}", invoiceId).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return (Map<String, Object>) body.get("invoice");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> transactionOf(Map<String, Object> invoice) {
        return (Map<String, Object>) invoice.get("transaction");
    }

    /** The invoice's transaction once it matches: the listener consumes the events a moment after they are sent. */
    private static Map<String, Object> awaitTransaction(WebTestClient client, String invoiceId,
            Predicate<Map<String, Object>> until) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Map<String, Object> transaction = transactionOf(invoice(client, invoiceId));
            if (transaction != null && until.test(transaction)) {
                return transaction;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Invoice " + invoiceId + " never showed the expected transaction; last: "
                        + transaction);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Map<String, Object> list(WebTestClient client, String query) {
        return client.get().uri("/invoices?" + query).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("invoices")).stream().map(i -> (String) i.get("id")).toList();
    }
}
