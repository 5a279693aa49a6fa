package io.smartrouter.invoice.transaction.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The status values of a transaction (API.md, "Transactions"). The invoice service shows those the payment service's
 * events lead to; the others (chargebacks and the like) are accepted by the list filter and simply match nothing yet.
 */
public enum TransactionStatus {
    WAITING,
    PENDING,
    AUTHORIZED,
    COMPLETED,
    FAILED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    RETRIEVAL_REQUEST,
    FRAUD_NOTIFICATION,
    CHARGEBACK_INITIATED,
    SOLVED,
    REVERSED;

    /** The API's spelling: {@code partially-refunded}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TransactionStatus> fromWire(String value) {
        for (TransactionStatus status : values()) {
            if (status.wire().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
