package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.transaction.api.CompleteOperationCommand;
import java.time.Instant;
import java.util.Optional;

/** How a PSP outcome is recorded on the transaction; an unknown outcome is not recorded at all. */
final class Outcomes {

    static final String THREE_D_S_UNSUPPORTED = "card.three-d-s-unsupported";

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
        if (outcome instanceof OperationOutcome.ThreeDSecureRequired) {
            return Optional.of(new CompleteOperationCommand(transactionId, operationId, false, null,
                    THREE_D_S_UNSUPPORTED, at));
        }
        return Optional.empty();
    }
}
