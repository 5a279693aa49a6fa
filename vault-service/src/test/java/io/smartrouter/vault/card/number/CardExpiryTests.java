package io.smartrouter.vault.card.number;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardExpiryTests {

    private static final Clock MID_JUNE_2026 = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "0, 2000", "7, 2007", "26, 2026", "99, 2099",
        "1000, 1000", "2026, 2026", "9999, 9999",
        "100, -1", "999, -1", "10000, -1", "-1, -1", "2147483647, -1"
    })
    void readsTwoAndFourDigitYears(int year, int fullYear) {
        assertThat(CardExpiry.fullYear(year)).isEqualTo(fullYear);
    }

    @ParameterizedTest(name = "{0}/{1} valid in June 2026: {2}")
    @CsvSource({
        "6, 2026, true",
        "7, 2026, true",
        "12, 2026, true",
        "1, 2030, true",
        "6, 2046, true",
        "5, 2026, false",
        "12, 2025, false",
        "7, 2046, false",
        "1, 2099, false",
        "0, 2027, false",
        "13, 2027, false",
        "-1, 2027, false",
        "6, -1, false"
    })
    void isValidThroughTheLastDayOfItsMonthAndAtMostTwentyYearsAhead(int month, int year, boolean valid) {
        assertThat(CardExpiry.isValid(month, year, MID_JUNE_2026)).isEqualTo(valid);
    }

    /** A card is accepted while its expiry month lasts anywhere on Earth, so the clock is read in UTC-12. */
    @ParameterizedTest(name = "11/2026 at {0}: {1}")
    @CsvSource({
        "2026-11-30T23:59:59Z, true",
        "2026-12-01T05:00:00Z, true",
        "2026-12-01T11:59:59Z, true",
        "2026-12-01T12:00:00Z, false",
        "2026-12-02T00:00:00Z, false"
    })
    void aCardIsValidUntilItsMonthEndsInUtcMinusTwelve(Instant now, boolean valid) {
        assertThat(CardExpiry.isValid(11, 2026, Clock.fixed(now, ZoneOffset.UTC))).isEqualTo(valid);
    }

    /** Already December in Tokyo, still November in UTC-12. */
    @ParameterizedTest(name = "11/2026 at {0}: {1}")
    @CsvSource({"2026-12-01T05:00:00Z, true", "2026-12-01T12:00:00Z, false"})
    void theClocksOwnZoneDoesNotMatter(Instant now, boolean valid) {
        Clock tokyo = Clock.fixed(now, ZoneOffset.ofHours(9));
        assertThat(CardExpiry.isValid(11, 2026, tokyo)).isEqualTo(valid);
    }
}
