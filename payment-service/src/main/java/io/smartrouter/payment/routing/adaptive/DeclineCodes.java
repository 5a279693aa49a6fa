package io.smartrouter.payment.routing.adaptive;

import java.util.Set;

/**
 * Classifies the error code of a failed authorization (as recorded in {@code TransactionFailedEvent}, which does not
 * carry the connector's hard/soft flag) for learning. {@code gateway.*} codes are gateway errors; the hard declines
 * and customer-side failures below are excluded; every other decline is soft.
 */
public final class DeclineCodes {

    static final Set<String> EXCLUDED = Set.of(
            "card.stolen", "card.lost", "card.expired", "card.invalid-number", "card.invalid-expiry-date",
            "card.invalid-cvc", "card.authentication-failed", "card.three-d-s-abandoned");

    private DeclineCodes() {
    }

    public static AuthorizationOutcome classify(String errorCode) {
        if (errorCode == null) {
            return AuthorizationOutcome.SOFT_DECLINE;
        }
        if (errorCode.startsWith("gateway.")) {
            return AuthorizationOutcome.GATEWAY_ERROR;
        }
        if (EXCLUDED.contains(errorCode)) {
            return AuthorizationOutcome.EXCLUDED;
        }
        return AuthorizationOutcome.SOFT_DECLINE;
    }
}
