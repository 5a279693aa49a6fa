package io.smartrouter.payment.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.routing.AttemptPolicy.Next;
import io.smartrouter.payment.routing.api.Fallback;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttemptPolicyTests {

    static final Set<Fallback> BOTH = EnumSet.allOf(Fallback.class);
    static final Set<Fallback> NONE = EnumSet.noneOf(Fallback.class);

    @Test
    void approvedAndThreeDSecureAreDone() {
        assertThat(AttemptPolicy.after(new OperationOutcome.Approved("r"), BOTH, "visa")).isEqualTo(Next.DONE);
        assertThat(AttemptPolicy.after(new OperationOutcome.ThreeDSecureRequired("/3ds"), BOTH, "visa"))
                .isEqualTo(Next.DONE);
    }

    @Test
    void aSoftDeclineGoesOnOnlyWithSoftDecline() {
        var soft = new OperationOutcome.Declined("card.do-not-honor", false);
        assertThat(AttemptPolicy.after(soft, Set.of(Fallback.SOFT_DECLINE), "visa")).isEqualTo(Next.NEXT);
        assertThat(AttemptPolicy.after(soft, Set.of(Fallback.GATEWAY_ERROR), "visa")).isEqualTo(Next.STOP);
        assertThat(AttemptPolicy.after(soft, NONE, "visa")).isEqualTo(Next.STOP);
    }

    @Test
    void gatewayErrorsGoOnOnlyWithGatewayError() {
        for (OperationOutcome error : new OperationOutcome[] {new OperationOutcome.Unknown("timeout"),
            new OperationOutcome.Unavailable("refused")}) {
            assertThat(AttemptPolicy.after(error, Set.of(Fallback.GATEWAY_ERROR), "visa")).isEqualTo(Next.NEXT);
            assertThat(AttemptPolicy.after(error, Set.of(Fallback.SOFT_DECLINE), "visa")).isEqualTo(Next.STOP);
        }
    }

    @Test
    void hardDeclinesStopEverywhereWhateverTheFallbacks() {
        assertThat(AttemptPolicy.after(new OperationOutcome.Declined("card.declined", true), BOTH, "visa"))
                .isEqualTo(Next.STOP);
        for (String code : AttemptPolicy.HARD_CODES) {
            // even when a connector forgot to flag it hard
            assertThat(AttemptPolicy.after(new OperationOutcome.Declined(code, false), BOTH, "visa"))
                    .as(code).isEqualTo(Next.STOP);
        }
    }

    @Test
    void aMastercardDoNotRetryAdviceIsNeverRetriedButTheSameCodeOnVisaFollowsTheRule() {
        var stopRecurring = new OperationOutcome.Declined("card.stop-recurring", false);
        assertThat(AttemptPolicy.after(stopRecurring, BOTH, "mastercard")).isEqualTo(Next.STOP);
        assertThat(AttemptPolicy.after(stopRecurring, BOTH, "visa")).isEqualTo(Next.NEXT);
    }
}
