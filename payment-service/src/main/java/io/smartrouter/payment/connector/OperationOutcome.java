package io.smartrouter.payment.connector;

/**
 * What a PSP answered to one operation, mapped by the connector from the PSP's own statuses. Exhaustive: a connector
 * maps every PSP answer to exactly one of these.
 */
public sealed interface OperationOutcome {

    /** The PSP did it; {@code reference} is its id for the operation (used by later captures, voids, refunds). */
    record Approved(String reference) implements OperationOutcome {
    }

    /**
     * The PSP or the issuer refused. {@code code} is the platform's decline code (API.md: {@code card.declined},
     * {@code card.do-not-honor}, {@code card.no-money}, {@code card.stolen}, …); {@code hard} declines are never
     * retried, on this PSP or another.
     */
    record Declined(String code, boolean hard) implements OperationOutcome {
    }

    /** The card needs 3-D Secure: the customer must complete a challenge at {@code challengeUrl} first. */
    record ThreeDSecureRequired(String challengeUrl) implements OperationOutcome {
    }

    /**
     * The outcome is unknown: a timeout, a 5xx, a connection error. Not a decline — the PSP may have done it, so the
     * operation stays in flight until a status lookup resolves it.
     */
    record Unknown(String reason) implements OperationOutcome {
    }

    /**
     * The PSP certainly did not do it: the connection was refused, the circuit is open, or the PSP answered an error it
     * documents as "not processed". Safe to try another gateway; nothing to resolve later.
     */
    record Unavailable(String reason) implements OperationOutcome {
    }
}
