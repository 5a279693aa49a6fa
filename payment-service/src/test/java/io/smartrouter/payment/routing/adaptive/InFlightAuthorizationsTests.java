package io.smartrouter.payment.routing.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartrouter.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InFlightAuthorizationsTests {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Segment SEGMENT = new Segment("EUR", "visa", "FR");

    private final MutableClock clock = new MutableClock(T0);
    private final GatewayLearner learner = new GatewayLearner(new GatewayLearner.Settings(Duration.ofMinutes(10),
            Duration.ofSeconds(10), Duration.ofDays(365), 0), clock);
    private final InFlightAuthorizations authorizations = new InFlightAuthorizations(learner, Duration.ofSeconds(20),
            Duration.ofMinutes(15), 1_000);

    @Test
    void pairsAStartWithItsOutcomeForTheGatewayAndTheLatency() {
        authorizations.started("op-1", "tr-op-1", null, "psp-a", SEGMENT, T0);
        authorizations.started("op-2", "tr-op-2", null, "psp-b", SEGMENT, T0);
        authorizations.completed("op-1", AuthorizationOutcome.APPROVED, T0.plusMillis(400));
        authorizations.completed("op-2", AuthorizationOutcome.SOFT_DECLINE, T0.plusMillis(800));

        GatewayLearner.Estimate a = learner.estimate("psp-a", SEGMENT);
        assertThat(a.approvals()).isEqualTo(1);
        assertThat(a.latencySeconds()).isCloseTo(0.4, within(1e-9));
        assertThat(learner.estimate("psp-b", SEGMENT).failures()).isEqualTo(1);
        assertThat(authorizations.inFlight()).isZero();
    }

    @Test
    void redeliveredStartsAndOutcomesCountOnce() {
        authorizations.started("op-1", "tr-op-1", null, "psp-a", SEGMENT, T0);
        authorizations.completed("op-1", AuthorizationOutcome.APPROVED, T0.plusMillis(400));
        authorizations.started("op-1", "tr-op-1", null, "psp-a", SEGMENT, T0);
        authorizations.completed("op-1", AuthorizationOutcome.APPROVED, T0.plusMillis(400));

        assertThat(learner.estimate("psp-a", SEGMENT).approvals()).isEqualTo(1);
        assertThat(authorizations.inFlight()).isZero();
    }

    @Test
    void aRetryWithTheSameCardTeachesOnlyItsGatewayErrorsAndLatency() {
        authorizations.started("op-1", "tr-1", "424242*4242", "psp-a", SEGMENT, T0);
        authorizations.completed("op-1", AuthorizationOutcome.SOFT_DECLINE, T0.plusMillis(300));
        authorizations.started("op-2", "tr-1", "424242*4242", "psp-b", SEGMENT, T0.plusMillis(310));
        authorizations.completed("op-2", AuthorizationOutcome.SOFT_DECLINE, T0.plusMillis(810));
        authorizations.started("op-3", "tr-1", "424242*4242", "psp-c", SEGMENT, T0.plusMillis(820));
        authorizations.completed("op-3", AuthorizationOutcome.GATEWAY_ERROR, T0.plusMillis(840));
        authorizations.started("op-4", "tr-1", "555555*4444", "psp-b", SEGMENT, T0.plusSeconds(30));
        authorizations.completed("op-4", AuthorizationOutcome.APPROVED, T0.plusSeconds(31));

        assertThat(learner.estimate("psp-a", SEGMENT).failures()).isEqualTo(1);
        GatewayLearner.Estimate b = learner.estimate("psp-b", SEGMENT);
        assertThat(b.failures()).isZero(); // the fallback's decline: not a fair sample of psp-b
        assertThat(b.approvals()).isEqualTo(1); // another card: a first attempt again
        assertThat(b.latencySeconds()).isCloseTo(0.75, within(1e-9));
        assertThat(learner.estimate("psp-c", SEGMENT).failures()).isEqualTo(1); // gateway errors always count
    }

    @Test
    void anOutcomeWithoutAStartIsIgnored() {
        authorizations.completed("op-older-than-the-replay", AuthorizationOutcome.APPROVED, T0);

        assertThat(learner.estimate("psp-a", SEGMENT).observations()).isZero();
    }

    @Test
    void anAuthorizationWithoutOutcomeAfterTheTimeoutIsAGatewayErrorAndItsLateOutcomeIsIgnored() {
        authorizations.started("op-hung", "tr-op-hung", null, "psp-a", SEGMENT, T0);
        authorizations.started("op-later", "tr-op-later", null, "psp-b", SEGMENT, T0.plusSeconds(21));

        GatewayLearner.Estimate a = learner.estimate("psp-a", SEGMENT);
        assertThat(a.failures()).isEqualTo(1);
        assertThat(a.latencySeconds()).isCloseTo(20, within(1e-9));
        assertThat(authorizations.inFlight()).isEqualTo(1);

        authorizations.completed("op-hung", AuthorizationOutcome.APPROVED, T0.plusSeconds(70)); // the reconciler's
        assertThat(learner.estimate("psp-a", SEGMENT).approvals()).isZero();
    }

    @Test
    void aThreeDSecureChallengeCountsItsOutcomeWithoutLatencyAndIsNotTimedOutLikeAGatewayCall() {
        authorizations.started("op-3ds", "tr-op-3ds", null, "psp-a", SEGMENT, T0);
        authorizations.challenged("op-3ds", T0.plusMillis(300));
        authorizations.started("op-other", "tr-op-other", null, "psp-b", SEGMENT, T0.plusSeconds(120));
        authorizations.completed("op-3ds", AuthorizationOutcome.APPROVED, T0.plusSeconds(125));

        GatewayLearner.Estimate a = learner.estimate("psp-a", SEGMENT);
        assertThat(a.approvals()).isEqualTo(1);
        assertThat(a.failures()).isZero();
        assertThat(a.latencySeconds()).isNaN();
    }

    @Test
    void anAbandonedChallengeIsForgottenWithoutCounting() {
        authorizations.started("op-3ds", "tr-op-3ds", null, "psp-a", SEGMENT, T0);
        authorizations.challenged("op-3ds", T0.plusMillis(300));
        authorizations.started("op-other", "tr-op-other", null, "psp-b", SEGMENT, T0.plusSeconds(16 * 60));

        assertThat(authorizations.inFlight()).isEqualTo(1);
        assertThat(learner.estimate("psp-a", SEGMENT).observations()).isZero();
    }

    @Test
    void memoryIsBoundedByTheMaximumEntries() {
        InFlightAuthorizations small = new InFlightAuthorizations(learner, Duration.ofSeconds(20),
                Duration.ofMinutes(15), 3);
        for (int i = 0; i < 10; i++) {
            small.started("op-" + i, "tr-" + i, null, "psp-a", SEGMENT, T0);
        }

        assertThat(small.inFlight()).isEqualTo(3);
    }
}
