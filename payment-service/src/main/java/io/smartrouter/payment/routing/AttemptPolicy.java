package io.smartrouter.payment.routing;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.routing.api.Fallback;
import java.util.Set;

/**
 * What follows an authorization attempt: done (approved, or waiting for the customer's 3-D Secure), stop everywhere,
 * or try the next gateway. Card-network rules come first: a hard decline (stolen, lost, fraud, do not retry) is never
 * retried anywhere, nor is a Mastercard "do not retry" merchant advice (MAC 03, 21, as connectors map them).
 */
public final class AttemptPolicy {

    /** Declines no gateway may be asked again, whatever the connector's hard flag says. */
    static final Set<String> HARD_CODES = Set.of("card.stolen", "card.lost", "card.fraud", "card.do-not-retry",
            "card.pickup", "card.revoked");
    /** Mastercard's "do not retry" merchant advice codes, as connectors map them. */
    static final Set<String> MASTERCARD_DO_NOT_RETRY = Set.of("card.do-not-retry", "card.stop-recurring");

    /** The verdict after one attempt. */
    public enum Next {
        /** Approved, or the customer's 3-D Secure challenge decides now. */
        DONE,
        /** Stop: no other gateway may be tried. */
        STOP,
        /** Try the next gateway, if there is one. */
        NEXT
    }

    private AttemptPolicy() {
    }

    public static Next after(OperationOutcome outcome, Set<Fallback> fallbackOn, String cardScheme) {
        if (outcome instanceof OperationOutcome.Approved || outcome instanceof OperationOutcome.ThreeDSecureRequired) {
            return Next.DONE;
        }
        if (outcome instanceof OperationOutcome.Declined declined) {
            if (neverRetried(declined, cardScheme)) {
                return Next.STOP;
            }
            return fallbackOn.contains(Fallback.SOFT_DECLINE) ? Next.NEXT : Next.STOP;
        }
        // Unavailable (certainly not processed) or Unknown (timeout, 5xx: left in flight for the reconciler)
        return fallbackOn.contains(Fallback.GATEWAY_ERROR) ? Next.NEXT : Next.STOP;
    }

    static boolean neverRetried(OperationOutcome.Declined declined, String cardScheme) {
        return declined.hard() || HARD_CODES.contains(declined.code())
                || ("mastercard".equals(cardScheme) && MASTERCARD_DO_NOT_RETRY.contains(declined.code()));
    }
}
