package io.smartrouter.simulator.psp;

import java.util.Locale;

/** Why the simulator declines, on the wire in snake case ({@code stolen_card}, …). */
public enum DeclineReason {
    /** The issuer refused for no stated reason (random declines, and the test card {@code 4000 0000 0000 0002}). */
    GENERIC_DECLINE(false),
    /** The issuer said "do not honor" ({@code …2180}, and random declines). */
    DO_NOT_HONOR(false),
    /** Not enough funds ({@code …2206}, and random declines). */
    INSUFFICIENT_FUNDS(false),
    /** The card is reported stolen ({@code …2222}): a hard decline, never to be retried anywhere. */
    STOLEN_CARD(true),
    /** A capture or refund beyond what is left of the authorization. */
    AMOUNT_EXCEEDED(false),
    /** Not in the currency of the authorization. */
    CURRENCY_MISMATCH(false),
    /** Captured after a void, voided after a capture or twice, refunded before any capture. */
    INVALID_STATE(false),
    /** An authorization id this PSP never issued (or forgot in a restart). */
    UNKNOWN_AUTHORIZATION(false);

    private final boolean hard;

    DeclineReason(boolean hard) {
        this.hard = hard;
    }

    public boolean hard() {
        return hard;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
