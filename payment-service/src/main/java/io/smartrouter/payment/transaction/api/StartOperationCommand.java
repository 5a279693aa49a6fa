package io.smartrouter.payment.transaction.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.payment.PaymentCard;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the intent to send an operation to the PSP and reserves its amount. {@code amountMinor} null means "all that
 * is available" (a full capture). Answers a {@link StartedOperation}. {@code card} is given for authorizations only.
 * The gateway configuration (and its gateway name) is the router's choice for an authorization attempt; every other
 * operation goes to the authorizing attempt's configuration, whatever is given. {@code targetOperationId} names the
 * late authorization attempt a void cancels. {@code routingTags}, for an authorization attempt, are the request's
 * routing tags so far (the plan's, and the gateways skipped before this attempt): recorded with the attempt when they
 * changed, so that routing costs no command of its own.
 */
public record StartOperationCommand(@TargetAggregateIdentifier String transactionId, ProjectId projectId,
        String operationId, OperationType type, Long amountMinor, String refundId, String reason,
        Map<String, String> metadata, PaymentCard card, String gatewayConfigurationId, String gatewayName,
        String targetOperationId, List<String> routingTags, Instant at) {

    public StartOperationCommand {
        routingTags = routingTags == null ? null : List.copyOf(routingTags);
    }

    /** An operation on the transaction's own authorization (or an attempt without a known gateway name). */
    public StartOperationCommand(String transactionId, ProjectId projectId, String operationId, OperationType type,
            Long amountMinor, String refundId, String reason, Map<String, String> metadata, PaymentCard card,
            String gatewayConfigurationId, Instant at) {
        this(transactionId, projectId, operationId, type, amountMinor, refundId, reason, metadata, card,
                gatewayConfigurationId, null, null, null, at);
    }
}
