package io.smartrouter.invoice.invoice.api;

import java.util.Locale;

/** Who starts the payment: the customer at checkout (CIT) or the merchant with a saved token (MIT). */
public enum InitiationType {
    CIT,
    MIT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InitiationType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
