package io.smartrouter.payment.transaction.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The authorization's validity ended at {@code at}: it lapses if nothing was captured. */
public record ExpireAuthorizationCommand(@TargetAggregateIdentifier String transactionId, Instant at) {
}
