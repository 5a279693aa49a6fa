package io.smartrouter.payment.transaction.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The router has no further gateway to try for the current request. With no attempt in flight the transaction fails
 * with {@code errorCode}; with one in flight (an unknown outcome) its resolution decides.
 */
public record EndRoutingCommand(@TargetAggregateIdentifier String transactionId, String errorCode, Instant at) {
}
