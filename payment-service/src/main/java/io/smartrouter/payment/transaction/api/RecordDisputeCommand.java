package io.smartrouter.payment.transaction.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a dispute stage the PSP reported ({@code stage} in wire form); a notice seen before changes nothing. */
public record RecordDisputeCommand(@TargetAggregateIdentifier String transactionId, String noticeId, String stage,
        long amountMinor, Instant at) {
}
