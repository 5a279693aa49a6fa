package io.smartrouter.vault.card.number;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.Clock;

/** Card expiry dates: a card is valid through the last day of its expiry month. */
public final class CardExpiry {

    /** Cards are issued for at most a few years; a date further out than this is a typo, not a card. */
    static final int MAX_YEARS_AHEAD = 20;

    private CardExpiry() {
    }

    /**
     * The four-digit expiry year for {@code year} given as 2 or 4 digits, or -1 when it cannot be a year. Two-digit
     * years are in this century.
     */
    public static int fullYear(int year) {
        if (year >= 0 && year <= 99) {
            return 2000 + year;
        }
        return year >= 1000 && year <= 9999 ? year : -1;
    }

    /**
     * Whether a card expiring at the end of {@code month}/{@code fullYear} may still be used now. Uses the earliest
     * time zone (UTC-12) so that a card on its last valid day anywhere in the world is accepted.
     */
    public static boolean isValid(int month, int fullYear, Clock clock) {
        if (month < 1 || month > 12 || fullYear < 0) {
            return false;
        }
        YearMonth expiry = YearMonth.of(fullYear, month);
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.ofHours(-12)));
        return !expiry.isBefore(now) && !expiry.isAfter(now.plusYears(MAX_YEARS_AHEAD));
    }
}
