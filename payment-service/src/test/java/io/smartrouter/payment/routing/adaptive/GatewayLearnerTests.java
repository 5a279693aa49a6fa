package io.smartrouter.payment.routing.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartrouter.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayLearnerTests {

    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
    private static final Segment EUR_VISA_FR = new Segment("EUR", "visa", "FR");

    private final MutableClock clock = new MutableClock(START);

    /** A 10-minute window of 10-second buckets; the half-life so long that decay is negligible unless a test wants it. */
    private GatewayLearner learner(Duration halfLife, double minObservations) {
        return new GatewayLearner(new GatewayLearner.Settings(Duration.ofMinutes(10), Duration.ofSeconds(10), halfLife,
                minObservations), clock);
    }

    private void record(GatewayLearner learner, String gateway, Segment segment, AuthorizationOutcome outcome,
            int times) {
        for (int i = 0; i < times; i++) {
            learner.record(gateway, segment, outcome, Duration.ofMillis(300), clock.instant());
        }
    }

    @Test
    void countsApprovalsAgainstSoftDeclinesAndGatewayErrorsButNotExcludedOutcomes() {
        GatewayLearner learner = learner(Duration.ofDays(365), 0);
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.APPROVED, 8);
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.SOFT_DECLINE, 1);
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.GATEWAY_ERROR, 1);
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.EXCLUDED, 50);

        GatewayLearner.Estimate estimate = learner.estimate("psp-a", EUR_VISA_FR);
        assertThat(estimate.approvals()).isCloseTo(8, within(1e-6));
        assertThat(estimate.failures()).isCloseTo(2, within(1e-6));
        assertThat(estimate.approvalRate()).isCloseTo(9.0 / 12.0, within(1e-6));
        assertThat(estimate.latencySeconds()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void outcomesLeaveTheWindowAndTheirMemoryIsReleased() {
        GatewayLearner learner = learner(Duration.ofDays(365), 0);
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.APPROVED, 5);
        clock.advance(Duration.ofMinutes(6));
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.SOFT_DECLINE, 3);
        assertThat(learner.windowCount()).isEqualTo(4); // the segment and its three coarser levels

        clock.advance(Duration.ofMinutes(5)); // the approvals are 11 minutes old now, the declines 5
        GatewayLearner.Estimate estimate = learner.estimate("psp-a", EUR_VISA_FR);
        assertThat(estimate.approvals()).isZero();
        assertThat(estimate.failures()).isCloseTo(3, within(1e-3));

        clock.advance(Duration.ofMinutes(6));
        assertThat(learner.estimate("psp-a", EUR_VISA_FR).observations()).isZero();
        record(learner, "psp-b", Segment.GLOBAL, AuthorizationOutcome.APPROVED, 1); // any record prunes, once a bucket
        assertThat(learner.windowCount()).isEqualTo(1);
    }

    @Test
    void outcomesOlderThanTheWindowAreIgnored() {
        GatewayLearner learner = learner(Duration.ofDays(365), 0);
        learner.record("psp-a", EUR_VISA_FR, AuthorizationOutcome.APPROVED, null, START.minus(Duration.ofMinutes(11)));

        assertThat(learner.estimate("psp-a", EUR_VISA_FR).observations()).isZero();
    }

    @Test
    void olderOutcomesWeighLessByTheHalfLife() {
        GatewayLearner learner = learner(Duration.ofMinutes(1), 0);
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.APPROVED, 40);
        clock.advance(Duration.ofMinutes(2));
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.SOFT_DECLINE, 10);

        GatewayLearner.Estimate estimate = learner.estimate("psp-a", EUR_VISA_FR);
        assertThat(estimate.approvals()).isCloseTo(10, within(1e-6)); // two half-lives: 40 / 4
        assertThat(estimate.failures()).isCloseTo(10, within(1e-6));
    }

    @Test
    void aSegmentWithTooLittleDataFallsBackToTheFinestCoarserOneThatHasEnough() {
        GatewayLearner learner = learner(Duration.ofDays(365), 30);
        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.SOFT_DECLINE, 10);
        record(learner, "psp-a", new Segment("EUR", "visa", "DE"), AuthorizationOutcome.APPROVED, 25);
        record(learner, "psp-a", new Segment("EUR", "mastercard", "DE"), AuthorizationOutcome.APPROVED, 100);

        GatewayLearner.Estimate france = learner.estimate("psp-a", EUR_VISA_FR);
        assertThat(france.basis()).isEqualTo(new Segment("EUR", "visa", null)); // 10 in FR, 35 in EUR/visa
        assertThat(france.approvals()).isCloseTo(25, within(1e-6));
        assertThat(france.failures()).isCloseTo(10, within(1e-6));

        record(learner, "psp-a", EUR_VISA_FR, AuthorizationOutcome.APPROVED, 20);
        assertThat(learner.estimate("psp-a", EUR_VISA_FR).basis()).isEqualTo(EUR_VISA_FR);

        GatewayLearner.Estimate dollars = learner.estimate("psp-a", new Segment("USD", "visa", "US"));
        assertThat(dollars.basis()).isEqualTo(Segment.GLOBAL);
        assertThat(dollars.observations()).isCloseTo(155, within(1e-6));

        GatewayLearner.Estimate unknown = learner.estimate("psp-z", EUR_VISA_FR);
        assertThat(unknown.basis()).isEqualTo(Segment.GLOBAL);
        assertThat(unknown.observations()).isZero();
        assertThat(unknown.approvalRate()).isEqualTo(0.5);
        assertThat(unknown.latencySeconds()).isNaN();
    }
}
