package io.smartrouter.payment.transaction.api;

import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts an authorization attempt on the invoice's transaction (creating it on the first attempt) with a source: a
 * one-time card token ({@code cardId}) or a customer token ({@code tokenId}). With {@code autoCaptureAt}, the
 * authorization is captured in full at that time. With {@code firstAttempt} (an authorization's start on this
 * transaction), the attempt starts in the same command and it answers its {@link StartedOperation}: one durable step
 * fewer before the PSP call; without, it answers nothing.
 */
public record RequestPaymentCommand(@TargetAggregateIdentifier String transactionId, ProjectId projectId,
        String invoiceId, Money amount, String initiationType, String cardId, String tokenId, String customerId,
        Instant autoCaptureAt, String operationId, Instant requestedAt, StartOperationCommand firstAttempt) {

    public RequestPaymentCommand {
        if (firstAttempt != null && (firstAttempt.type() != OperationType.AUTHORIZATION
                || !firstAttempt.transactionId().equals(transactionId))) {
            throw new IllegalArgumentException("A request's first attempt is an authorization of its own transaction");
        }
    }

    /** The same request with its first attempt. */
    public RequestPaymentCommand withFirstAttempt(StartOperationCommand attempt) {
        return new RequestPaymentCommand(transactionId, projectId, invoiceId, amount, initiationType, cardId, tokenId,
                customerId, autoCaptureAt, operationId, requestedAt, attempt);
    }
}
