package io.smartrouter.invoice.transaction.query;

import io.smartrouter.invoice.transaction.api.TransactionStatus;
import java.time.Instant;

/**
 * What the invoice shows of its transaction, amounts in minor units of {@code currency}. {@code errorCode} is the last
 * error, cleared by a later success.
 */
public record TransactionSummary(String transactionId, TransactionStatus status, long amountMinor, String currency,
        long authorizedAmountMinor, long capturedAmountMinor, long refundedAmountMinor, String errorCode,
        Instant updatedAt) {

    TransactionSummary with(TransactionStatus nextStatus, String nextErrorCode, Instant at) {
        return new TransactionSummary(transactionId, nextStatus, amountMinor, currency, authorizedAmountMinor,
                capturedAmountMinor, refundedAmountMinor, nextErrorCode, at);
    }

    TransactionSummary withAmounts(long authorized, long captured, long refunded) {
        return new TransactionSummary(transactionId, status, amountMinor, currency, authorized, captured, refunded,
                errorCode, updatedAt);
    }
}
