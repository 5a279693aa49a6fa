package io.smartrouter.payment.routing.adaptive;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The learner fed from the payments topic: real authorizations through the sandbox gateway, their
 * {@code OperationStartedEvent} and outcome events paired by the listener. CHF is used by no other test, so the
 * segment's counts are this test's alone.
 */
class AdaptiveRoutingIntegrationTests extends PaymentServiceIntegrationTest {

    private static final Segment CHF_VISA_US = new Segment("CHF", "visa", "US");

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    GatewayLearner learner;
    @Autowired
    AdaptiveRouting routing;

    @Test
    void learnsApprovalsAndSoftDeclinesButNotHardDeclinesFromThePaymentsTopic() {
        authorize("4242424242424242", 200);
        authorize("4242424242424242", 200);
        authorize("4000000000002180", 402); // card.do-not-honor: soft
        authorize("4000000000002222", 402); // card.stolen: hard, about the card

        awaitTotals(e -> e.observations() >= 3);
        // The four transactions sit on different partitions: give the stolen card's events time to arrive (not count).
        GatewayLearner.Estimate estimate = awaitTotals(e -> false, Duration.ofSeconds(3));
        assertThat(estimate.approvals()).isCloseTo(2, within(0.01));
        assertThat(estimate.failures()).isCloseTo(1, within(0.01));
        // The estimate routing uses: the same outcomes, decayed by their age.
        assertThat(learner.estimate("sandbox", CHF_VISA_US).observations()).isGreaterThan(0).isLessThanOrEqualTo(3);
        assertThat(estimate.latencySeconds()).isGreaterThan(0).isLessThan(15);
        Ranking ranking = routing.rank(List.of("sandbox", "never-used"), CHF_VISA_US);
        assertThat(ranking.routingTags()).contains("adaptive", "segment:CHF/visa/US");
        assertThat(ranking.routingTags()).anyMatch(tag -> tag.startsWith("p_approval:") && tag.contains("sandbox="));
    }

    private void authorize(String number, int status) {
        WebTestClient server = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        String invoice = publishInvoice(DEMO, 1_000, "CHF", "cit");
        String card = VAULT.add(CardId.newId().value(), number);
        server.post().uri("/invoices/{id}/authorize", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"}").exchange().expectStatus().isEqualTo(status);
    }

    /** The listener is asynchronous: waits (up to 30 s) until the segment's undecayed totals satisfy {@code ready}. */
    private GatewayLearner.Estimate awaitTotals(Predicate<GatewayLearner.Estimate> ready) {
        return awaitTotals(ready, Duration.ofSeconds(30));
    }

    private GatewayLearner.Estimate awaitTotals(Predicate<GatewayLearner.Estimate> ready, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        GatewayLearner.Estimate estimate = learner.totals("sandbox", CHF_VISA_US);
        while (!ready.test(estimate) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            estimate = learner.totals("sandbox", CHF_VISA_US);
        }
        return estimate;
    }
}
