package io.smartrouter.payment.transaction.api;

import java.util.Locale;

/** The operations sent to a PSP; each is recorded as started (intent) and then completed (outcome). */
public enum OperationType {
    AUTHORIZATION,
    CAPTURE,
    VOID,
    REFUND;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OperationType fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
