package io.smartrouter.payment.routing.api;

import java.util.Locale;
import java.util.Optional;

/** When a rule lets the router try the next gateway. */
public enum Fallback {
    /** A decline the issuer may not repeat elsewhere (do not honor, insufficient funds, …): never a hard decline. */
    SOFT_DECLINE,
    /** The gateway failed: unavailable, or no answer in time (the attempt stays in flight for the reconciler). */
    GATEWAY_ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Fallback> fromWire(String wire) {
        for (Fallback fallback : values()) {
            if (fallback.wire().equals(wire)) {
                return Optional.of(fallback);
            }
        }
        return Optional.empty();
    }
}
