package io.smartrouter.platform.card;

import java.util.Objects;

/**
 * A primary account number. It exists in clear only inside the vault (while encrypting or after decrypting) and in the
 * payment service for the one PSP call that needs it. {@link #toString()} masks it (first 6 + last 4), so logging or
 * formatting one by mistake shows nothing sensitive; {@link #digits()} is the only way to the number.
 */
public final class Pan {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 19;
    private static final int IIN_LENGTH = 6;

    private final String digits;

    private Pan(String digits) {
        this.digits = digits;
    }

    /**
     * The PAN in {@code text} with spaces and dashes between digit groups removed, or null when it is not 12 to 19
     * digits. The Luhn check is separate ({@link #passesLuhn()}).
     */
    public static Pan parse(String text) {
        if (text == null || text.length() > MAX_LENGTH * 2) {
            return null;
        }
        StringBuilder digits = new StringBuilder(MAX_LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        if (digits.length() < MIN_LENGTH || digits.length() > MAX_LENGTH) {
            return null;
        }
        return new Pan(digits.toString());
    }

    /** The Luhn (mod 10) check digit test every card number passes. */
    public boolean passesLuhn() {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The number in clear. Call only where the clear number is needed: encryption, a PSP request. */
    public String digits() {
        return digits;
    }

    public int length() {
        return digits.length();
    }

    /** The first {@code count} digits (the BIN/IIN range). */
    public String prefix(int count) {
        return digits.substring(0, Math.min(count, digits.length()));
    }

    public String iin() {
        return prefix(IIN_LENGTH);
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    /** First 6 and last 4 digits, the rest as {@code *}: the most PCI DSS allows to be shown. */
    public String masked() {
        return iin() + "*".repeat(digits.length() - IIN_LENGTH - 4) + last4();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pan pan && pan.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
