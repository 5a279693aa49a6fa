package io.smartrouter.payment.transaction.process;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;

import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sandbox's lifecycle cards: dispute notices after capture (one minute apart in these tests, so the scheduled
 * poller never gets there first), polled onto the transaction with explicit times.
 */
class PaymentDisputesIntegrationTests extends PaymentServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    DisputePoller disputes;

    @ParameterizedTest(name = "{0}: {1} then {2}")
    @CsvSource({
        "4000000000000069, chargeback-initiated, chargeback-initiated",
        "4000000000000200, chargeback-initiated, solved",
        "4000000000000309, retrieval-request, retrieval-request",
        "4000000000004004, fraud-notification, fraud-notification",
        "4242424242424242, completed, completed"
    })
    void lifecycleCardsReportTheirDisputesAfterCapture(String number, String first, String then) {
        WebTestClient server = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        String invoice = publishInvoice(DEMO, 5_000, "EUR", "cit");
        String card = VAULT.add(CardId.newId().value(), number);
        server.post().uri("/invoices/{id}/capture", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"}").exchange().expectStatus().isOk();
        Instant captured = Instant.now();

        disputes.poll(captured.plus(Duration.ofSeconds(61)));
        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo(first)
                .jsonPath("$.transaction.available_amount").isEqualTo(refundable(first) ? "50.00" : "0.00");
        disputes.poll(captured.plus(Duration.ofSeconds(121)));
        disputes.poll(captured.plus(Duration.ofSeconds(121)));
        server.get().uri("/invoices/{id}/transactions", invoice).exchange().expectBody()
                .jsonPath("$.transaction.status").isEqualTo(then)
                .jsonPath("$.transaction.available_amount").isEqualTo(refundable(then) ? "50.00" : "0.00");

        var refund = server.post().uri("/invoices/{id}/refunds", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":\"5.00\"}").exchange();
        if (refundable(then)) {
            refund.expectStatus().isOk();
        } else {
            // The chargeback holds the funds: a refund would pay the cardholder twice.
            refund.expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.error_type").isEqualTo("request.transaction.disputed");
        }
    }

    private static boolean refundable(String status) {
        return !status.equals("chargeback-initiated") && !status.equals("reversed");
    }
}
