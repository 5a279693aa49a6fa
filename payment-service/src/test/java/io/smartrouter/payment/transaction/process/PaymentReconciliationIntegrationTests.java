package io.smartrouter.payment.transaction.process;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.invoice.KnownInvoices;
import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.payment.transaction.api.RequestPaymentCommand;
import io.smartrouter.payment.transaction.api.StartOperationCommand;
import io.smartrouter.payment.transaction.api.StartedOperation;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Crash recovery: an operation whose intent is recorded but whose outcome is not (the service died before or after
 * the PSP call) is resolved by the reconciler with the PSP, exactly once.
 */
class PaymentReconciliationIntegrationTests extends PaymentServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    CommandGateway commands;
    @Autowired
    OperationReconciler reconciler;
    @Autowired
    List<PaymentConnector> connectors;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KnownInvoices invoices;
    @Autowired
    OperationKeys operationKeys;

    /** An authorized invoice of 100.00 EUR; answers its transaction id. */
    String authorizedTransaction() {
        String invoice = publishInvoice(DEMO, 10_000, "EUR", "cit");
        String card = VAULT.add(CardId.newId().value(), "4242424242424242");
        GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC).post()
                .uri("/invoices/{id}/authorize", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"}").exchange().expectStatus().isOk();
        return jdbc.queryForObject("select transaction_id from known_invoice where invoice_id = ?", String.class,
                invoice);
    }

    StartedOperation startCapture(String transactionId, long amount) {
        return commands.sendAndWait(new StartOperationCommand(transactionId, DEMO, Ids.newId("tr_op_"),
                OperationType.CAPTURE, amount, null, null, Map.of(), null, "sandbox", Instant.now()));
    }

    String status(String transactionId) {
        return GatewayRequests.withSecretKey(unsigned, auth, DEMO).get().uri("/transactions/{id}", transactionId)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    int sandboxCaptures(String operationId) {
        return jdbc.queryForObject("select count(*) from sandbox_operation where operation_id = ?", Integer.class,
                operationId);
    }

    @Test
    void aCaptureRecordedButNeverSentIsSentOnceWithTheSameIdempotencyKey() {
        String transaction = authorizedTransaction();
        StartedOperation started = startCapture(transaction, 4_000);
        assertThat(status(transaction)).contains("\"available_amount\":\"100.00\"");

        assertThat(reconciler.reconcile(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        assertThat(reconciler.reconcile(Duration.ZERO)).isZero();

        assertThat(status(transaction)).contains("\"captured_amount\":\"40.00\"").contains("\"status\":\"completed\"");
        assertThat(sandboxCaptures(started.operationId())).isEqualTo(1);
    }

    @Test
    void aCaptureThePspDidBeforeTheCrashIsRecordedFromItsStatusWithoutCapturingAgain() {
        String transaction = authorizedTransaction();
        StartedOperation started = startCapture(transaction, 10_000);
        PaymentConnector sandbox = connectors.get(0);
        var answered = sandbox.capture(new CaptureRequest(started.operationId(), started.authorizationReference(),
                Money.ofMinor(10_000, "EUR"))).block();
        assertThat(answered).isInstanceOf(OperationOutcome.Approved.class);

        reconciler.reconcile(Duration.ZERO);

        assertThat(status(transaction)).contains("\"captured_amount\":\"100.00\"");
        assertThat(sandboxCaptures(started.operationId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from pending_operation where transaction_id = ?",
                Integer.class, transaction)).isZero();
    }

    @Test
    void anAuthorizationThePspNeverReceivedFailsAndTheInvoiceCanBePaidAgain() {
        String invoice = publishInvoice(DEMO, 500, "EUR", "cit");
        String transaction = Ids.newId("tr_");
        commands.sendAndWait(new RequestPaymentCommand(transaction, DEMO, invoice, Money.ofMinor(500, "EUR"), "cit",
                "card_crashed", null, null, null, Ids.newId("tr_op_"), Instant.now(), null));
        commands.sendAndWait(new StartOperationCommand(transaction, DEMO, Ids.newId("tr_op_"),
                OperationType.AUTHORIZATION, null, null, null, Map.of(), null, "sandbox", Instant.now()));

        reconciler.reconcile(Duration.ZERO);

        assertThat(status(transaction)).contains("\"status\":\"failed\"").contains("\"error_code\":\"gateway.not-received\"");
    }

    /** The first try recorded its intent and died before the PSP call: its keyed retry authorizes, not a 402. */
    @Test
    void aKeyedRetryOfAnAuthorizationThePspNeverReceivedAuthorizes() throws InterruptedException {
        String invoice = publishInvoice(DEMO, 500, "EUR", "cit");
        String transaction = operationKeys.idFor(DEMO, invoice, "not-received-7", KnownInvoices.TRANSACTION_PREFIX);
        String card = VAULT.add(CardId.newId().value(), "4242424242424242");
        Runnable request = () -> commands.sendAndWait(
                new RequestPaymentCommand(transaction, DEMO, invoice, Money.ofMinor(500, "EUR"), "cit", card, null, null,
                        null, Ids.newId("tr_op_"), Instant.now(), new StartOperationCommand(transaction, DEMO,
                                Ids.newId("tr_op_"), OperationType.AUTHORIZATION, null, null, null, Map.of(), null,
                                "sandbox", Instant.now())));
        invoices.withTransaction(invoices.get(DEMO, invoice), transaction, request, request);
        reconciler.reconcile(Duration.ZERO);
        assertThat(status(transaction)).contains("\"error_code\":\"gateway.not-received\"");

        GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC).post()
                .uri("/invoices/{id}/authorize", invoice).header("Idempotency-Key", "not-received-7")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"source\":\"" + card + "\"}").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.id").isEqualTo(transaction)
                .jsonPath("$.transaction.status").isEqualTo("authorized");
    }

    @Test
    void aRequestThatNeverReachedAnAuthorizationFailsAndTheInvoiceCanBePaidAgain() throws InterruptedException {
        String invoice = publishInvoice(DEMO, 800, "EUR", "cit");
        String transaction = Ids.newId(KnownInvoices.TRANSACTION_PREFIX);
        Runnable request = () -> commands.sendAndWait(
                new RequestPaymentCommand(transaction, DEMO, invoice, Money.ofMinor(800, "EUR"), "cit", "card_released",
                        null, null, null, Ids.newId("tr_op_"), Instant.now(), null));
        invoices.withTransaction(invoices.get(DEMO, invoice), transaction, request, request);

        reconciler.reconcile(Duration.ZERO);

        assertThat(status(transaction)).contains("\"status\":\"failed\"").contains("\"error_code\":\"gateway.not-received\"");
        String card = VAULT.add(CardId.newId().value(), "4242424242424242");
        GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC).post()
                .uri("/invoices/{id}/authorize", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.transaction.attempts_count").isEqualTo(2);
    }

    @Test
    void recentOperationsAreLeftToTheirOwnRequest() {
        String transaction = authorizedTransaction();
        startCapture(transaction, 1_000);

        reconciler.reconcile(Duration.ofMinutes(5));

        assertThat(status(transaction)).contains("\"captured_amount\":\"0.00\"");
        reconciler.reconcile(Duration.ZERO);
    }
}
