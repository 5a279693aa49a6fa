package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.transaction.api.CompleteOperationCommand;
import java.time.Instant;
import java.util.Optional;

/**
 * How a PSP outcome completes an operation. An unknown outcome does not, nor does a 3-D Secure challenge: the
 * operation then waits for the customer ({@code RequireThreeDSecureCommand}).
 */
final class Outcomes {

    /** An authorization whose customer never completed the 3-D Secure challenge. */
    static final String THREE_D_S_ABANDONED = "card.three-d-s-abandoned";

    /** An operation the gateway certainly did not process (unreachable, circuit open). */
    static final String GATEWAY_UNAVAILABLE = "gateway.unavailable";

    private Outcomes() {
    }

    static Optional<CompleteOperationCommand> completion(String transactionId, String operationId,
            OperationOutcome outcome, Instant at) {
        if (outcome instanceof OperationOutcome.Approved approved) {
            return Optional.of(new CompleteOperationCommand(transactionId, operationId, true, approved.reference(), null,
                    at));
        }
        if (outcome instanceof OperationOutcome.Declined declined) {
            return Optional.of(new CompleteOperationCommand(transactionId, operationId, false, null, declined.code(),
                    at));
        }
        if (outcome instanceof OperationOutcome.Unavailable) {
            return Optional.of(new CompleteOperationCommand(transactionId, operationId, false, null,
                    GATEWAY_UNAVAILABLE, at));
        }
        return Optional.empty();
    }
}
