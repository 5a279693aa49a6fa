package io.smartrouter.payment.transaction.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records how the router chose (and, as attempts go, skipped) gateways: the transaction's routing tags. */
public record RecordRoutingCommand(@TargetAggregateIdentifier String transactionId, List<String> routingTags,
        Instant at) {

    public RecordRoutingCommand {
        routingTags = List.copyOf(routingTags);
    }
}
