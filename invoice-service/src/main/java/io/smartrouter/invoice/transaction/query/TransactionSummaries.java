package io.smartrouter.invoice.transaction.query;

import io.smartrouter.invoice.transaction.api.TransactionStatus;
import io.smartrouter.platform.money.Money;
import io.smartrouter.schemas.payment.CaptureFailedEvent;
import io.smartrouter.schemas.payment.RefundFailedEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizationExpiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionDisputedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRefundedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import io.smartrouter.schemas.payment.VoidFailedEvent;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Folds one transaction's payment events into its {@link TransactionSummary}, in the order the payment service
 * published them. Pure functions, tested without Spring. A failed capture, void or refund leaves the status as it was
 * and only records its error code; every success, and a new attempt, clears the last error.
 */
public final class TransactionSummaries {

    /** The payment events a summary is folded from; the others (an operation started) show nothing on the invoice. */
    public static final Set<Class<? extends SpecificRecord>> FOLDED = Set.of(TransactionRequestedEvent.class,
            TransactionAuthorizedEvent.class, TransactionFailedEvent.class, TransactionCapturedEvent.class,
            CaptureFailedEvent.class, TransactionVoidedEvent.class, VoidFailedEvent.class,
            TransactionAuthorizationExpiredEvent.class, TransactionRefundedEvent.class, RefundFailedEvent.class,
            TransactionDisputedEvent.class);

    static final String AUTHORIZATION_EXPIRED = "authorization.expired";

    private TransactionSummaries() {
    }

    /**
     * The summary of a transaction just requested, or of a new attempt after a failure: pending, nothing authorized,
     * captured or refunded, no error (as the payment service's own view of the transaction shows it).
     */
    static TransactionSummary requested(TransactionRequestedEvent event) {
        requireAmount(event.getAmount(), event.getCurrency());
        return new TransactionSummary(event.getTransactionId(), TransactionStatus.PENDING, event.getAmount(),
                event.getCurrency(), 0, 0, 0, null, event.getRequestedAt());
    }

    /** The summary after {@code event}, one of {@link #FOLDED}, of the same transaction as {@code current}. */
    static TransactionSummary fold(TransactionSummary current, SpecificRecord event) {
        if (event instanceof TransactionRequestedEvent requested) {
            return requested(requested);
        } else if (event instanceof TransactionAuthorizedEvent authorized) {
            requireAmount(authorized.getAmount(), current.currency());
            return current.withAmounts(authorized.getAmount(), current.capturedAmountMinor(),
                    current.refundedAmountMinor()).with(TransactionStatus.AUTHORIZED, null, authorized.getAuthorizedAt());
        } else if (event instanceof TransactionFailedEvent failed) {
            return current.with(TransactionStatus.FAILED, failed.getErrorCode(), failed.getFailedAt());
        } else if (event instanceof TransactionCapturedEvent captured) {
            requireAmount(captured.getCapturedAmount(), current.currency());
            return current.withAmounts(current.authorizedAmountMinor(), captured.getCapturedAmount(),
                    current.refundedAmountMinor()).with(TransactionStatus.COMPLETED, null, captured.getCapturedAt());
        } else if (event instanceof CaptureFailedEvent captureFailed) {
            return current.with(current.status(), captureFailed.getErrorCode(), captureFailed.getFailedAt());
        } else if (event instanceof TransactionVoidedEvent voided) {
            return current.with(TransactionStatus.VOIDED, null, voided.getVoidedAt());
        } else if (event instanceof TransactionAuthorizationExpiredEvent expired) {
            // As the payment service shows it: the hold is released like a void, with the reason as the error.
            return current.with(TransactionStatus.VOIDED, AUTHORIZATION_EXPIRED, expired.getExpiredAt());
        } else if (event instanceof VoidFailedEvent voidFailed) {
            return current.with(current.status(), voidFailed.getErrorCode(), voidFailed.getFailedAt());
        } else if (event instanceof TransactionRefundedEvent refunded) {
            long total = refunded.getRefundedAmount();
            requireAmount(total, current.currency());
            TransactionStatus status = total < current.capturedAmountMinor() ? TransactionStatus.PARTIALLY_REFUNDED
                    : TransactionStatus.REFUNDED;
            return current.withAmounts(current.authorizedAmountMinor(), current.capturedAmountMinor(), total)
                    .with(status, null, refunded.getRefundedAt());
        } else if (event instanceof TransactionDisputedEvent disputed) {
            return current.with(disputeStatus(disputed.getStage(), current.status()), null, disputed.getOccurredAt());
        } else if (event instanceof RefundFailedEvent refundFailed) {
            return current.with(current.status(), refundFailed.getErrorCode(), refundFailed.getFailedAt());
        }
        throw new IllegalArgumentException("Not a transaction summary event: " + event.getClass().getName());
    }

    /** The status a dispute stage puts a transaction in (API.md's values); an unknown stage changes nothing. */
    static TransactionStatus disputeStatus(String stage, TransactionStatus current) {
        return switch (stage) {
            case "retrieval-request" -> TransactionStatus.RETRIEVAL_REQUEST;
            case "fraud-notification" -> TransactionStatus.FRAUD_NOTIFICATION;
            case "chargeback-opened" -> TransactionStatus.CHARGEBACK_INITIATED;
            case "chargeback-won" -> TransactionStatus.SOLVED;
            case "chargeback-lost" -> TransactionStatus.REVERSED;
            default -> current;
        };
    }

    /** Refuses an amount the API could not show (negative, out of range, unknown currency) before it is stored. */
    private static void requireAmount(long minorUnits, String currency) {
        try {
            Money.ofMinor(minorUnits, currency);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a valid amount: " + minorUnits + " " + currency, e);
        }
    }
}
