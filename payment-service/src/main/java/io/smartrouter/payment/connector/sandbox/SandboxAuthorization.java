package io.smartrouter.payment.connector.sandbox;

import io.smartrouter.platform.money.Money;
import java.util.Optional;

/**
 * An authorization as the sandbox PSP keeps it, and the PSP-side checks of what may follow it. Each check answers the
 * decline code of a refusal, or empty when the operation may go ahead.
 */
record SandboxAuthorization(String reference, SandboxBehaviour behaviour, String last4, Money amount, long capturedMinor,
        long refundedMinor, boolean voided) {

    static final String INVALID_STATE = "gateway.invalid-state";
    static final String AMOUNT_EXCEEDED = "gateway.amount-exceeded";
    static final String INVALID_AMOUNT = "gateway.invalid-amount";
    static final String CURRENCY_MISMATCH = "gateway.currency-mismatch";
    static final String CAPTURE_DECLINED = "gateway.capture-declined";
    static final String REFUND_DECLINED = "gateway.refund-declined";

    /** A capture needs an unvoided authorization with {@code requested} still uncaptured. Partial captures add up. */
    Optional<String> captureRefusal(Money requested) {
        if (voided) {
            return Optional.of(INVALID_STATE);
        }
        Optional<String> invalid = invalidAmount(requested);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (behaviour == SandboxBehaviour.CAPTURE_FAILS) {
            return Optional.of(CAPTURE_DECLINED);
        }
        return capturedMinor + requested.minorUnits() > amount.minorUnits() ? Optional.of(AMOUNT_EXCEEDED) : Optional.empty();
    }

    /** A void needs an authorization neither voided nor (even partly) captured. */
    Optional<String> voidRefusal() {
        return voided || capturedMinor > 0 ? Optional.of(INVALID_STATE) : Optional.empty();
    }

    /** A refund needs a capture, and refunds add up to at most the captured amount. */
    Optional<String> refundRefusal(Money requested) {
        if (capturedMinor == 0) {
            return Optional.of(INVALID_STATE);
        }
        Optional<String> invalid = invalidAmount(requested);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (behaviour == SandboxBehaviour.REFUND_DECLINED) {
            return Optional.of(REFUND_DECLINED);
        }
        return refundedMinor + requested.minorUnits() > capturedMinor ? Optional.of(AMOUNT_EXCEEDED) : Optional.empty();
    }

    SandboxAuthorization withCapture(Money captured) {
        return new SandboxAuthorization(reference, behaviour, last4, amount, capturedMinor + captured.minorUnits(),
                refundedMinor, voided);
    }

    SandboxAuthorization withRefund(Money refunded) {
        return new SandboxAuthorization(reference, behaviour, last4, amount, capturedMinor,
                refundedMinor + refunded.minorUnits(), voided);
    }

    SandboxAuthorization asVoided() {
        return new SandboxAuthorization(reference, behaviour, last4, amount, capturedMinor, refundedMinor, true);
    }

    private Optional<String> invalidAmount(Money requested) {
        if (!requested.currency().equals(amount.currency())) {
            return Optional.of(CURRENCY_MISMATCH);
        }
        return requested.isPositive() ? Optional.empty() : Optional.of(INVALID_AMOUNT);
    }
}
