package io.smartrouter.simulator.psp;

import java.util.Map;

/**
 * What the simulated PSPs know about a card from its number, the way an acquirer knows it from its BIN tables: the
 * scheme, the issuing country, the first 8 digits. The country table is small: API.md's two country test cards
 * ({@code 497783…} FR, {@code 465858…} GB) and {@code 424242…} US; other cards have no known country ({@code null},
 * which only rules without an {@code issuing_country} match).
 */
public record CardSegment(String scheme, String issuingCountry, String bin) {

    private static final Map<String, String> COUNTRY_BY_PREFIX = Map.of("497783", "FR", "465858", "GB", "424242", "US");

    /** The segment of {@code digits} (a card number of digits only). */
    public static CardSegment of(String digits) {
        String country = COUNTRY_BY_PREFIX.get(digits.substring(0, Math.min(6, digits.length())));
        return new CardSegment(scheme(digits), country, digits.substring(0, Math.min(8, digits.length())));
    }

    static String scheme(String digits) {
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (digits.startsWith("4")) {
            return "visa";
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "mastercard";
        }
        if (two == 34 || two == 37) {
            return "amex";
        }
        if (digits.startsWith("6011") || digits.startsWith("65")) {
            return "discover";
        }
        if (two == 35) {
            return "jcb";
        }
        if (two == 62) {
            return "unionpay";
        }
        return "unknown";
    }
}
