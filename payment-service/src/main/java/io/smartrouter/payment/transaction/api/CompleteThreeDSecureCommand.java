package io.smartrouter.payment.transaction.api;

import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the customer's 3-D Secure result; the authorization then continues (or fails) at the PSP. */
public record CompleteThreeDSecureCommand(@TargetAggregateIdentifier String transactionId, ProjectId projectId,
        String operationId, boolean passed, Instant at) {
}
