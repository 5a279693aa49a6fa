package io.smartrouter.payment.transaction.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a PSP's answer to a started operation: approved (with the PSP's reference) or declined/failed (with a code).
 * Completing an operation that is no longer in flight changes nothing, so a retried completion is harmless.
 */
public record CompleteOperationCommand(@TargetAggregateIdentifier String transactionId, String operationId,
        boolean approved, String reference, String errorCode, Instant at) {
}
