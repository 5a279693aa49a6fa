package io.smartrouter.platform.card;

import java.util.regex.Pattern;

/**
 * A card verification code (CVC2/CVV2). Never persisted, never logged: {@link #toString()} shows {@code ***}, and
 * only {@link #digits()} gives the value, for the one authorization that uses it.
 */
public final class Cvc {

    private static final Pattern FORMAT = Pattern.compile("\\d{3,4}");

    private final String digits;

    private Cvc(String digits) {
        this.digits = digits;
    }

    /** The CVC in {@code text}, or null when it is not 3 or 4 digits. */
    public static Cvc parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? new Cvc(text) : null;
    }

    public String digits() {
        return digits;
    }

    public int length() {
        return digits.length();
    }

    @Override
    public String toString() {
        return "***";
    }
}
