package io.smartrouter.payment.transaction.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a PSP's answer to a started operation: approved (with the PSP's reference) or declined/failed (with a code).
 * Completing an operation that is no longer in flight changes nothing, so a retried completion is harmless. For an
 * authorization attempt, {@code mayFallBack} says the router will try another gateway after this decline, so it does
 * not fail the transaction.
 */
public record CompleteOperationCommand(@TargetAggregateIdentifier String transactionId, String operationId,
        boolean approved, String reference, String errorCode, Instant at, boolean mayFallBack) {

    /** A final outcome: a decline of the current authorization attempt fails the transaction. */
    public CompleteOperationCommand(String transactionId, String operationId, boolean approved, String reference,
            String errorCode, Instant at) {
        this(transactionId, operationId, approved, reference, errorCode, at, false);
    }
}
