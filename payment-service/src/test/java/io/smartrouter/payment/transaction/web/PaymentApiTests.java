package io.smartrouter.payment.transaction.web;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.platform.testing.GatewayRequests.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.smartrouter.payment.invoice.KnownInvoices;
import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.payment.transaction.process.OperationReconciler;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.Concurrently;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.H2Statements;
import io.smartrouter.platform.testing.TopicWriter;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptorSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

class PaymentApiTests extends PaymentServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    OperationReconciler reconciler;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandBus commandBus;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    WebTestClient server;
    WebTestClient browser;

    @BeforeEach
    void clients() {
        server = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        browser = GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC);
    }

    static String card(String number) {
        return VAULT.add(CardId.newId().value(), number);
    }

    WebTestClient.ResponseSpec post(WebTestClient client, String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    WebTestClient.ResponseSpec authorize(WebTestClient client, String invoice, String source) {
        return post(client, "/invoices/" + invoice + "/authorize", "{\"source\":\"" + source + "\"}");
    }

    /**
     * The gateway replays what it kept for an idempotency key; when it kept nothing (the answer never came back), the
     * retry reaches the service again, which must answer the refund the key already names instead of refunding twice.
     */
    @Test
    void aRefundRetriedWithItsIdempotencyKeyIsNotRefundedTwice() {
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        post(server, "/invoices/" + invoice + "/capture", "{\"source\":\"" + card("4242424242424242") + "\"}")
                .expectStatus().isOk();
        String[] first = new String[1];
        for (int attempt = 0; attempt < 2; attempt++) {
            server.post().uri("/invoices/" + invoice + "/refunds").header("Idempotency-Key", "refund-order-42")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":\"10.00\"}").exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.refund.id").value(id -> {
                        if (first[0] == null) {
                            first[0] = (String) id;
                        }
                        assertThat(id).isEqualTo(first[0]);
                    })
                    .jsonPath("$.transaction.refunded_amount").isEqualTo("10.00")
                    .jsonPath("$.transaction.refunds.length()").isEqualTo(1);
        }
        // Another key is another refund; no key is always a new one.
        server.post().uri("/invoices/" + invoice + "/refunds").header("Idempotency-Key", "refund-order-43")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":\"10.00\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.transaction.refunded_amount").isEqualTo("20.00");
        post(server, "/invoices/" + invoice + "/refunds", "{\"amount\":\"10.00\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.transaction.refunded_amount").isEqualTo("30.00");
        server.post().uri("/invoices/" + invoice + "/refunds").header("Idempotency-Key", "k".repeat(256))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":\"10.00\"}").exchange()
                .expectStatus().isBadRequest();
    }

    /**
     * A sale's first try can authorize and then die before its capture (its answer lost): the retry with the same key
     * captures that authorization instead of being refused for authorizing a second time. A sale with another key is
     * still refused on an invoice somebody else authorized.
     */
    @Test
    void aSaleRetriedWithItsKeyAfterItsFirstTryAuthorizedCapturesThatAuthorization() {
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        String token = card("4242424242424242");
        String[] transaction = new String[1];
        authorize(browser, invoice, token).expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.id").value(id -> transaction[0] = (String) id);
        // What the first try of sale "sale-7" left when it died after authorizing: its key names that transaction.
        jdbc.update("INSERT INTO operation_key (project_id, idempotency_key, kind, claimed_id) VALUES (?, ?, ?, ?)",
                DEMO.value(), "sale-7", "tr_", transaction[0]);

        sale(invoice, "another-sale", card("4242424242424242")).expectStatus().isEqualTo(409);
        for (int attempt = 0; attempt < 2; attempt++) {
            sale(invoice, "sale-7", token).expectStatus().isOk().expectBody()
                    .jsonPath("$.transaction.id").isEqualTo(transaction[0])
                    .jsonPath("$.transaction.captured_amount").isEqualTo("50.00")
                    .jsonPath("$.transaction.operations[?(@.type == 'authorization')].id").value(ids ->
                            assertThat((List<?>) ids).hasSize(1))
                    .jsonPath("$.transaction.operations[?(@.type == 'capture')].id").value(ids ->
                            assertThat((List<?>) ids).hasSize(1));
        }
    }

    /**
     * What a new transaction's authorization does not read (H2's statement log). Its deadlines are written without a
     * lookup by id: its expiry is inserted as a new row (not merged: a lookup, then the insert), and a new transaction
     * has no earlier automatic capture to delete. Its aggregate is created without being looked for in the event store
     * (no snapshot or event of it is read; the outcome then finds it in the aggregate cache); the Kafka publisher's
     * reads by global index are not the aggregate's.
     */
    @Test
    void aNewTransactionsAuthorizationLooksUpNeitherItsDeadlinesNorItsAggregate() {
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        String token = card("4242424242424242");
        Map<String, Integer> statements = H2Statements.executionsDuring(jdbc,
                () -> authorize(browser, invoice, token).expectStatus().isOk());
        Map<String, Integer> deadlines = new HashMap<>();
        statements.forEach((sql, times) -> {
            String lower = sql.toLowerCase(Locale.ROOT);
            if (lower.contains(" payment_deadline") && !lower.contains("due_at<=")) { // not the sweeper's search
                deadlines.merge(lower.substring(0, lower.indexOf(' ')), times, Integer::sum);
            }
        });
        assertThat(deadlines).containsOnly(entry("insert", 1));
        assertThat(statements.keySet()).as("the aggregate's snapshot and events read")
                .noneMatch(sql -> sql.toLowerCase(Locale.ROOT).matches("select .*(snapshot_event_entry|aggregate_identifier=).*"));
    }

    /**
     * A new transaction's request carries its first attempt: the payment service records the intent before the PSP
     * call in one command (and one commit), not two.
     */
    @Test
    void aNewTransactionIsRequestedWithItsFirstAttemptInOneCommand() {
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        String token = card("4242424242424242");
        List<String> sent = new CopyOnWriteArrayList<>();
        Registration recording = ((MessageDispatchInterceptorSupport<CommandMessage<?>>) commandBus)
                .registerDispatchInterceptor(messages -> (index, message) -> {
                    sent.add(message.getPayloadType().getSimpleName());
                    return message;
                });
        try {
            authorize(browser, invoice, token).expectStatus().isOk();
        } finally {
            recording.cancel();
        }
        assertThat(sent).containsExactly("CreatePaymentCommand", "CompleteOperationCommand");
    }

    /** A declined sale retried with its key gets the same decline, not a second authorization. */
    @Test
    void aDeclinedSaleRetriedWithItsKeyIsTheSameDecline() {
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        String token = card("4000000000000002");
        for (int attempt = 0; attempt < 2; attempt++) {
            sale(invoice, "sale-declined", token).expectStatus().isEqualTo(402).expectBody()
                    .jsonPath("$.error_type").isEqualTo("card.declined");
        }
        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.operations[*].type").value(types ->
                        assertThat(((List<?>) types).stream().map(Object::toString).toList())
                                .containsExactly("request", "authorization"));
    }

    /**
     * An authorization whose answer was lost (the gateway kept nothing) is retried with its key: the retry reaches the
     * service again and answers that authorization — the one-time card token is not needed a second time — instead of
     * a 409 because the invoice is authorized already; a decline is the same decline. Another key is still refused.
     */
    @Test
    void anAuthorizationRetriedWithItsKeyAnswersTheFirstTrysTransaction() {
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        String token = card("4242424242424242");
        String[] transaction = new String[1];
        for (int attempt = 0; attempt < 2; attempt++) {
            authorize(browser, invoice, token, "checkout-7").expectStatus().isOk().expectBody()
                    .jsonPath("$.transaction.status").isEqualTo("authorized")
                    .jsonPath("$.transaction.id").value(id -> {
                        if (transaction[0] == null) {
                            transaction[0] = (String) id;
                        }
                        assertThat(id).isEqualTo(transaction[0]);
                    })
                    .jsonPath("$.transaction.operations[?(@.type == 'authorization')].id").value(ids ->
                            assertThat((List<?>) ids).hasSize(1));
        }
        authorize(browser, invoice, card("4242424242424242"), "checkout-8").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.invoice.already-authorized");

        String declined = publishInvoice(DEMO, 5_000, "EUR", "cit");
        String declinedCard = card("4000000000000002");
        for (int attempt = 0; attempt < 2; attempt++) {
            authorize(browser, declined, declinedCard, "checkout-9").expectStatus().isEqualTo(402).expectBody()
                    .jsonPath("$.error_type").isEqualTo("card.declined");
        }
        server.get().uri("/invoices/{id}/transactions", declined).exchange().expectBody()
                .jsonPath("$.transaction.operations[?(@.type == 'authorization')].id").value(ids ->
                        assertThat((List<?>) ids).hasSize(1));
    }

    /**
     * A key names ids on the invoice it was first used for (the gateway forgets keys after 24 h; this service does
     * not): on another invoice it is a 422 for an authorization and a capture alike, and nothing is recorded there.
     */
    @Test
    void aKeyUsedForAnotherInvoiceIsRefused() {
        String first = publishInvoice(DEMO, 5_000, "EUR", "cit");
        authorize(browser, first, card("4242424242424242"), "order-11").expectStatus().isOk();
        String second = publishInvoice(DEMO, 5_000, "EUR", "cit");

        authorize(browser, second, card("4242424242424242"), "order-11").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.error_type").isEqualTo("request.idempotency.key-reused");
        server.get().uri("/invoices/{id}/transactions", second).exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.error_type").isEqualTo("resource.transaction.not-found")
                .jsonPath("$.message").isEqualTo("The invoice " + second + " has no transaction");
        authorize(browser, second, card("4242424242424242")).expectStatus().isOk();
        capture(first, "capture-11", "1.00").expectStatus().isOk();
        capture(second, "capture-11", "1.00").expectStatus().isEqualTo(422);
        server.get().uri("/invoices/{id}/transactions", second).exchange().expectBody()
                .jsonPath("$.transaction.captured_amount").isEqualTo("0.00");
    }

    /**
     * A first try that failed before any PSP decided (the vault was restarting: 503) is not an answer to repeat: the
     * retry with its key tries again on the same transaction.
     */
    @Test
    void anAuthorizationRetriedWithItsKeyAfterTheVaultWasDownIsTriedAgain() {
        authorizedOnRetryAfter(VAULT::unavailableOnce, "checkout-10");
    }

    @Test
    void anAuthorizationRetriedWithItsKeyAfterTheVaultUsedTheCardButNeverAnsweredAuthorizes() {
        String token = authorizedOnRetryAfter(VAULT::answerLostOnce, "checkout-11");
        // Another payment still cannot use the card.
        authorize(browser, publishInvoice(DEMO, 5_000, "EUR", "cit"), token, "checkout-12").expectStatus()
                .isEqualTo(409).expectBody().jsonPath("$.error_type").isEqualTo("request.source.already-used");
    }

    /** An authorization whose first try meets {@code vaultFault} (503), retried with its key: authorized. The card. */
    private String authorizedOnRetryAfter(Consumer<String> vaultFault, String idempotencyKey) {
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        String token = card("4242424242424242");
        vaultFault.accept(token);
        authorize(browser, invoice, token, idempotencyKey).expectStatus().isEqualTo(503);
        authorize(browser, invoice, token, idempotencyKey).expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("authorized");
        return token;
    }

    WebTestClient.ResponseSpec authorize(WebTestClient client, String invoice, String source, String idempotencyKey) {
        return client.post().uri("/invoices/" + invoice + "/authorize").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"source\":\"" + source + "\"}").exchange();
    }

    WebTestClient.ResponseSpec capture(String invoice, String idempotencyKey, String amount) {
        return server.post().uri("/invoices/" + invoice + "/capture").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":\"" + amount + "\"}").exchange();
    }

    WebTestClient.ResponseSpec sale(String invoice, String idempotencyKey, String source) {
        return server.post().uri("/invoices/" + invoice + "/capture").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"source\":\"" + source + "\"}").exchange();
    }

    @Test
    void aPartialCaptureRetriedWithItsIdempotencyKeyIsNotCapturedTwice() {
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        authorize(browser, invoice, card("4242424242424242")).expectStatus().isOk();
        for (int attempt = 0; attempt < 2; attempt++) {
            capture(invoice, "capture-part-1", "10.00")
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.transaction.captured_amount").isEqualTo("10.00")
                    .jsonPath("$.transaction.operations[?(@.type == 'capture')].id").value(ids ->
                            assertThat((List<?>) ids).hasSize(1));
        }
        capture(invoice, "capture-part-2", "10.00")
                .expectStatus().isOk().expectBody().jsonPath("$.transaction.captured_amount").isEqualTo("20.00");
    }

    @Test
    void theCheckoutAuthorizesThenTheServerCapturesInPartsAndRefunds() {
        String invoice = publishInvoice(DEMO, 10_000, "EUR", "cit");

        authorize(browser, invoice, card("4242424242424242")).expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("authorized")
                .jsonPath("$.transaction.authorized_amount").isEqualTo("100.00")
                .jsonPath("$.transaction.available_amount").isEqualTo("100.00")
                .jsonPath("$.transaction.card.last_4_digits").isEqualTo("4242")
                .jsonPath("$.transaction.gateway_configuration_id").isEqualTo("sandbox")
                .jsonPath("$.transaction.authorization_expires_at").isNotEmpty();
        post(server, "/invoices/" + invoice + "/capture", "{\"amount\":\"40.00\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("completed")
                .jsonPath("$.transaction.captured_amount").isEqualTo("40.00")
                .jsonPath("$.transaction.available_amount").isEqualTo("40.00");
        post(server, "/invoices/" + invoice + "/capture", "{}").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.captured_amount").isEqualTo("100.00");
        post(server, "/invoices/" + invoice + "/capture", "{}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error_type").isEqualTo("request.validation.invalid-amount");

        post(server, "/invoices/" + invoice + "/refunds", "{\"amount\":\"30.00\",\"reason\":\"damaged\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.refund.id").value(id -> assertThat((String) id).startsWith("refd_"))
                .jsonPath("$.refund.amount").isEqualTo("30.00")
                .jsonPath("$.refund.status").isEqualTo("succeeded")
                .jsonPath("$.transaction.status").isEqualTo("partially-refunded");
        post(server, "/invoices/" + invoice + "/refunds", "{\"amount\":\"70.01\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-amount");
        post(server, "/invoices/" + invoice + "/refunds", "{\"amount\":\"70.00\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.transaction.status").isEqualTo("refunded");

        String transaction = server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(transaction).contains("\"refunded_amount\":\"100.00\"").contains("\"type\":\"authorization\"")
                .contains("\"type\":\"capture\"").contains("\"type\":\"refund\"").doesNotContain("4242424242424242");
        server.get().uri("/transactions?limit=100").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.transactions[?(@.invoice_id == '" + invoice + "')].status").isEqualTo(List.of("refunded"));
    }

    @Test
    void aDeclineIsA402ThenAnotherCardCanPay() {
        String invoice = publishInvoice(DEMO, 2_500, "USD", "cit");

        authorize(browser, invoice, card("4000000000000002")).expectStatus().isEqualTo(402).expectBody()
                .jsonPath("$.error_type").isEqualTo("card.declined");
        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("failed")
                .jsonPath("$.transaction.error_code").isEqualTo("card.declined");

        authorize(browser, invoice, card("5555555555554444")).expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("authorized")
                .jsonPath("$.transaction.attempts_count").isEqualTo(2)
                .jsonPath("$.transaction.error_code").isEmpty();
        authorize(browser, invoice, card("5555555555554444")).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.error_type").isEqualTo("request.invoice.already-authorized");
    }

    @Test
    void aCardThatNeedsThreeDSecureWaitsForTheCustomersChallenge() {
        String invoice = publishInvoice(DEMO, 3_000, "EUR", "cit");
        String operation = challengeOperation(authorize(browser, invoice, card("4000000000000101")));
        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("pending")
                .jsonPath("$.transaction.three_d_s_status").isEqualTo("challenge-required");
        reconciler.reconcile(Duration.ZERO);

        String page = browser.get().uri("/three-d-s/{op}", operation).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Sandbox 3-D Secure challenge").contains(operation);
        post(browser, "/three-d-s/" + operation, "{\"result\":\"maybe\"}").expectStatus().isBadRequest();
        post(browser, "/three-d-s/" + operation, "{\"result\":\"pass\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("authorized")
                .jsonPath("$.transaction.three_d_s_status").isEqualTo("succeeded")
                .jsonPath("$.transaction.operations[?(@.type == 'three_d_s_check')].status").isEqualTo(List.of("succeeded"));
        post(browser, "/three-d-s/" + operation, "{\"result\":\"pass\"}").expectStatus().isNotFound();
        post(server, "/invoices/" + invoice + "/capture", "{}").expectStatus().isOk();
    }

    /** The operation id in the answer's {@code customer_action}: a redirect to {@code …/three-d-s/<operation>}. */
    @SuppressWarnings("unchecked")
    static String challengeOperation(WebTestClient.ResponseSpec response) {
        var action = (Map<String, Object>) response.expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("customer_action");
        assertThat(action).containsEntry("type", "redirect");
        String url = (String) action.get("value");
        // The link names the project: a browser redirected to it sends no credentials (the gateway's linked pages).
        assertThat(url).matches("http://localhost:8080/three-d-s/tr_op_[a-z2-7]{26}\\?project_id=test-proj_demo");
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    @Test
    void aFailedChallengeFailsTheAuthorization() {
        String invoice = publishInvoice(DEMO, 3_000, "EUR", "cit");
        String operation = challengeOperation(authorize(browser, invoice, card("4000000000000101")));

        GatewayRequests.withSecretKey(unsigned, auth, OTHER).post().uri("/three-d-s/" + operation)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"result\":\"pass\"}").exchange()
                .expectStatus().isNotFound();
        post(browser, "/three-d-s/" + operation, "{\"result\":\"fail\"}").expectStatus().isEqualTo(402)
                .expectBody().jsonPath("$.error_type").isEqualTo("card.authentication-failed");
        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("failed")
                .jsonPath("$.transaction.three_d_s_status").isEqualTo("failed");
    }

    @Test
    void voidsAnAuthorizationAndThenNothingCanBeCaptured() {
        String invoice = publishInvoice(DEMO, 1_000, "EUR", "cit");
        authorize(browser, invoice, card("4242424242424242")).expectStatus().isOk();

        post(server, "/invoices/" + invoice + "/void", "{}").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("voided");
        post(server, "/invoices/" + invoice + "/capture", "{}").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.error_type").isEqualTo("request.invoice.voided");
    }

    @Test
    void failedCapturesAndDeclinedRefundsAreRecorded() {
        String failingCapture = publishInvoice(DEMO, 1_000, "EUR", "cit");
        authorize(browser, failingCapture, card("4000000000000010")).expectStatus().isOk();
        post(server, "/invoices/" + failingCapture + "/capture", "{}").expectStatus().isEqualTo(402);
        server.get().uri("/invoices/{id}/transactions", failingCapture).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("authorized")
                .jsonPath("$.transaction.operations[?(@.type == 'capture')].has_failed").isEqualTo(List.of(true));

        String refundDeclined = publishInvoice(DEMO, 1_000, "EUR", "cit");
        authorize(browser, refundDeclined, card("4000000000000077")).expectStatus().isOk();
        post(server, "/invoices/" + refundDeclined + "/capture", "{}").expectStatus().isOk();
        post(server, "/invoices/" + refundDeclined + "/refunds", "{\"amount\":\"5.00\"}").expectStatus().isEqualTo(402);
        server.get().uri("/invoices/{id}/transactions", refundDeclined).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("completed")
                .jsonPath("$.transaction.refunded_amount").isEqualTo("0.00")
                .jsonPath("$.transaction.refunds[0].status").isEqualTo("failed");
    }

    @Test
    void aSaleAuthorizesAndCapturesAtOnce() {
        String invoice = publishInvoice(DEMO, 1_500, "JPY", "cit");
        post(server, "/invoices/" + invoice + "/capture", "{\"source\":\"" + card("4242424242424242") + "\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("completed")
                .jsonPath("$.transaction.captured_amount").isEqualTo("1500");
    }

    @Test
    void aCardTokenPaysOnceAndTheSourceRulesHold() {
        String used = card("4242424242424242");
        authorize(browser, publishInvoice(DEMO, 100, "EUR", "cit"), used).expectStatus().isOk();
        String second = publishInvoice(DEMO, 100, "EUR", "cit");
        authorize(browser, second, used).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.error_type").isEqualTo("request.source.already-used");
        server.get().uri("/invoices/{id}/transactions", second).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("failed")
                .jsonPath("$.transaction.error_code").isEqualTo("request.source.already-used");

        String token = VAULT.add(TokenId.newId().value(), "5555555555554444");
        authorize(browser, publishInvoice(DEMO, 100, "EUR", "cit"), token).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.secret-key-required");
        String mit = publishInvoice(DEMO, 100, "EUR", "mit");
        authorize(server, mit, card("4242424242424242")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error_type").isEqualTo("request.source.invalid");
        authorize(server, mit, token).expectStatus().isOk();
        authorize(server, publishInvoice(DEMO, 100, "EUR", "cit"), "iv_notasource").expectStatus().isBadRequest();
        post(browser, "/invoices/" + mit + "/capture", "{}").expectStatus().isUnauthorized();
    }

    @Test
    void anotherProjectsInvoiceIsNotFound() {
        String invoice = publishInvoice(DEMO, 100, "EUR", "cit");
        var other = GatewayRequests.withSecretKey(unsigned, auth, OTHER);
        authorize(other, invoice, card("4242424242424242")).expectStatus().isNotFound().expectBody()
                .jsonPath("$.error_type").isEqualTo("resource.invoice.not-found");
        authorize(browser, invoice, card("4242424242424242")).expectStatus().isOk();
        other.get().uri("/invoices/{id}/transactions", invoice).exchange().expectStatus().isNotFound();
        post(other, "/invoices/" + invoice + "/capture", "{}").expectStatus().isNotFound();
        post(other, "/invoices/" + invoice + "/refunds", "{\"amount\":\"1.00\"}").expectStatus().isNotFound();
    }

    /**
     * After a restart the invoice projection can lag behind the invoices topic for longer than the catch-up wait: an
     * invoice it has not read yet may exist, so the answer is a retriable 503, not a 404; once read, it pays.
     */
    @Test
    void anInvoiceNotReadYetIsARetriableAnswerAndAnUnknownOneIsNotFound() throws Exception {
        publishInvoice(DEMO, 100, "EUR", "cit");
        authorize(browser, InvoiceId.newId().value(), card("4242424242424242")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.invoice.not-found");

        MessageListenerContainer invoiceListener = listeners.getListenerContainers().stream()
                .filter(container -> KnownInvoices.CONSUMER.equals(container.getGroupId())).findFirst().orElseThrow();
        invoiceListener.pause();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!invoiceListener.isPauseRequested() || !invoiceListener.isContainerPaused()) {
                assertThat(System.nanoTime()).as("the listener pauses").isLessThan(deadline);
                Thread.sleep(10);
            }
            String unread = InvoiceId.newId().value();
            try (var invoices = new TopicWriter(kafka.getBrokersAsString(), Topics.INVOICES)) {
                invoices.publish("Invoice", unread, 0, DEMO.value(), InvoiceCreatedEvent.newBuilder()
                        .setInvoiceId(unread).setProjectId(DEMO.value()).setName("Order").setAmount(100)
                        .setCurrency("EUR").setInitiationType("cit").setCreatedAt(Instant.now()).build());
            }
            String source = card("4242424242424242");
            authorize(browser, unread, source).expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody().jsonPath("$.error_type").isEqualTo("server.service-unavailable");

            invoiceListener.resume();
            while (authorize(browser, unread, source).returnResult(Void.class).getStatus().value() == 503) {
                assertThat(System.nanoTime()).as("the invoice is read once the listener resumes").isLessThan(deadline);
            }
            server.get().uri("/invoices/{id}/transactions", unread).exchange().expectBody()
                    .jsonPath("$.transaction.status").isEqualTo("authorized");
        } finally {
            invoiceListener.resume();
        }
    }

    /**
     * An invoice whose creation the invoice service committed but has not published (it died before its publisher ran)
     * is not on the topic, however far the projection reads: the invoice service is asked, and while it has the invoice
     * (or cannot tell) the answer is a retriable 503; for another project, and once it says there is none, a 404.
     */
    @Test
    void anInvoiceTheInvoiceServiceHasNotPublishedIsARetriableAnswer() {
        String unpublished = InvoiceId.newId().value();
        INVOICE_SERVICE.add(DEMO, unpublished);
        String source = card("4242424242424242");
        authorize(browser, unpublished, source).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.error_type").isEqualTo("server.service-unavailable");
        authorize(GatewayRequests.asProject(unsigned, auth, OTHER, KeyType.PUBLIC), unpublished, source)
                .expectStatus().isNotFound();

        INVOICE_SERVICE.down(true);
        try {
            authorize(browser, InvoiceId.newId().value(), source).expectStatus().isEqualTo(503);
        } finally {
            INVOICE_SERVICE.down(false);
        }
        authorize(browser, InvoiceId.newId().value(), source).expectStatus().isNotFound();
    }

    /**
     * The invoice's transaction id is assigned in the same commit as the request that uses it: concurrent authorizations
     * of one invoice agree on one transaction, and exactly one of them authorizes it.
     */
    @Test
    void concurrentAuthorizationsOfOneInvoiceAuthorizeItOnce() throws Exception {
        String invoice = publishInvoice(DEMO, 10_000, "EUR", "cit");
        List<Callable<Integer>> authorizations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String source = card("4242424242424242");
            authorizations.add(() -> authorize(browser, invoice, source).returnResult(String.class).getStatus().value());
        }
        List<Integer> results = Concurrently.run(authorizations);

        assertThat(results).as(results.toString()).filteredOn(status -> status == 200).hasSize(1);
        assertThat(results).as(results.toString()).allMatch(status -> status == 200 || status == 409);
        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("authorized")
                .jsonPath("$.transaction.operations[?(@.type == 'authorization')]")
                .value(found -> assertThat((List<?>) found).hasSize(1));
    }

    @Test
    void concurrentCapturesNeverExceedTheAuthorization() throws Exception {
        String invoice = publishInvoice(DEMO, 10_000, "EUR", "cit");
        authorize(browser, invoice, card("4242424242424242")).expectStatus().isOk();
        List<Integer> results = Concurrently.times(10, () -> post(server, "/invoices/" + invoice + "/capture",
                "{\"amount\":\"20.00\"}").returnResult(String.class).getStatus().value());

        assertThat(results).as(results.toString()).filteredOn(status -> status == 200).hasSize(5);
        assertThat(results).as(results.toString()).allMatch(status -> status == 200 || status == 400 || status == 409);
        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectBody()
                .jsonPath("$.transaction.captured_amount").isEqualTo("100.00");
    }

    @Test
    void refusesBadPaymentRequests() {
        String invoice = publishInvoice(DEMO, 1_000, "EUR", "cit");
        post(server, "/invoices/" + invoice + "/authorize", "{}").expectStatus().isBadRequest();
        post(server, "/invoices/" + invoice + "/authorize", "{\"source\":42}").expectStatus().isBadRequest();
        post(server, "/invoices/" + invoice + "/authorize", "{\"source\":\"x\",\"pan\":\"1\"}").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.error_type").isEqualTo("request.validation.unknown-field");
        post(server, "/invoices/iv_unknownxxxxxxxxxxxxxxxxxxx/authorize", "{\"source\":\"card_x\"}")
                .expectStatus().isNotFound();
        authorize(server, invoice, card("4242424242424242")).expectStatus().isOk();
        for (String amount : List.of("\"-1.00\"", "\"0.001\"", "\"abc\"", "\"0\"")) {
            post(server, "/invoices/" + invoice + "/capture", "{\"amount\":" + amount + "}").expectStatus()
                    .isBadRequest();
        }
        post(server, "/invoices/" + invoice + "/refunds", "{}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error_type").isEqualTo("request.validation.missing-field");
        post(server, "/invoices/" + invoice + "/refunds", "{\"amount\":\"1.00\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.invoice.not-captured");
    }
}
