package io.smartrouter.payment.transaction.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The PSP asked for 3-D Secure on an authorization in flight: it now waits for the customer's challenge. */
public record RequireThreeDSecureCommand(@TargetAggregateIdentifier String transactionId, String operationId,
        String challengeUrl, Instant at) {
}
