package io.smartrouter.payment.routing.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The circuit per configuration, driven with fake outcomes and a clock the test moves. */
class GatewayHealthTests {

    static final Duration FAST = Duration.ofMillis(5);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final GatewayHealth health = new GatewayHealth(new GatewayHealth.Settings(50, 4, 4, Duration.ofSeconds(30), 1, 2),
            clock);

    void call(String id, OperationOutcome outcome) {
        var admission = health.admit(id);
        assertThat(admission).isInstanceOf(GatewayHealth.Permit.class);
        ((GatewayHealth.Permit) admission).record(outcome, FAST);
    }

    @Test
    void gatewayErrorsOpenTheCircuitThenItIsSkippedAtOnceThenHalfOpenRecovers() {
        call("a", new OperationOutcome.Unknown("timeout"));
        call("a", new OperationOutcome.Unavailable("refused"));
        call("a", new OperationOutcome.Unknown("5xx"));
        call("a", new OperationOutcome.Approved("r"));
        assertThat(health.state("a")).isEqualTo(CircuitBreaker.State.OPEN);

        assertThat(health.admit("a")).isEqualTo(new GatewayHealth.Refused("circuit-open"));
        assertThat(health.state("b")).isEqualTo(CircuitBreaker.State.CLOSED);

        clock.advance(Duration.ofSeconds(31));
        call("a", new OperationOutcome.Approved("r")); // the half-open trial call
        assertThat(health.state("a")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedTrialCallOpensTheCircuitAgain() {
        for (int i = 0; i < 4; i++) {
            call("a", new OperationOutcome.Unavailable("refused"));
        }
        clock.advance(Duration.ofSeconds(31));
        call("a", new OperationOutcome.Unknown("timeout"));
        assertThat(health.state("a")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(health.admit("a")).isInstanceOf(GatewayHealth.Refused.class);
    }

    @Test
    void declinesAreTheGatewayWorkingAndNeverOpenTheCircuit() {
        for (int i = 0; i < 10; i++) {
            call("a", new OperationOutcome.Declined("card.declined", false));
        }
        assertThat(health.state("a")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFullBulkheadRefusesAtOnceUntilACallEnds() {
        var first = (GatewayHealth.Permit) health.admit("a");
        var second = (GatewayHealth.Permit) health.admit("a");
        assertThat(health.admit("a")).isEqualTo(new GatewayHealth.Refused("bulkhead-full"));
        first.record(new OperationOutcome.Approved("r"), FAST);
        assertThat(health.admit("a")).isInstanceOf(GatewayHealth.Permit.class);
        second.release();
    }

}
