package io.smartrouter.payment.transaction.api;

import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts an authorization attempt on the invoice's transaction (creating it on the first attempt) with a source: a
 * one-time card token ({@code cardId}) or a customer token ({@code tokenId}). With {@code autoCaptureAt}, the
 * authorization is captured in full at that time.
 */
public record RequestPaymentCommand(@TargetAggregateIdentifier String transactionId, ProjectId projectId,
        String invoiceId, Money amount, String initiationType, String cardId, String tokenId, String customerId,
        Instant autoCaptureAt, String operationId, Instant requestedAt) {
}
