package io.smartrouter.payment.transaction.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.payment.PaymentCard;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the intent to send an operation to the PSP and reserves its amount. {@code amountMinor} null means "all that
 * is available" (a full capture). Answers a {@link StartedOperation}. {@code card} is given for authorizations only.
 */
public record StartOperationCommand(@TargetAggregateIdentifier String transactionId, ProjectId projectId,
        String operationId, OperationType type, Long amountMinor, String refundId, String reason,
        Map<String, String> metadata, PaymentCard card, String gatewayConfigurationId, Instant at) {
}
