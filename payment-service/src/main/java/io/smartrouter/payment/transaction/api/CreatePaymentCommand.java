package io.smartrouter.payment.transaction.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A transaction's first request, sent only when nothing can have been recorded under its id yet: the invoice was
 * assigned that id in the same commit. The aggregate is then created without being looked for first (a
 * {@link RequestPaymentCommand} on its own loads any snapshot and events of its id before creating it).
 */
public record CreatePaymentCommand(@TargetAggregateIdentifier String transactionId, RequestPaymentCommand request) {

    public CreatePaymentCommand(RequestPaymentCommand request) {
        this(request.transactionId(), request);
    }

    public CreatePaymentCommand {
        if (!transactionId.equals(request.transactionId())) {
            throw new IllegalArgumentException("A creation names its request's transaction");
        }
    }
}
