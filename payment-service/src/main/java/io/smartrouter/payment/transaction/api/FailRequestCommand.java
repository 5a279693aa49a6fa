package io.smartrouter.payment.transaction.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends an authorization attempt that never reached the PSP (the source could not be used). */
public record FailRequestCommand(@TargetAggregateIdentifier String transactionId, String errorCode, String message,
        Instant at) {
}
