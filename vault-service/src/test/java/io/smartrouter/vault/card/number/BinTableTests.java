package io.smartrouter.vault.card.number;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.vault.card.number.BinTable.Issuer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinTableTests {

    private static final BinTable TABLE = BinTable.load();

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
        "49778300, debit, FR",
        "4977830000000001, debit, FR",
        "42424242, credit, US",
        "4242424242424242, credit, US",
        "424242, credit, US",
        "5555555555554444, credit, US",
        "378282246310005, credit, US",
        "4000000000000002, credit, US",
        "4658580000000008, credit, GB",
        "5105105105105100, prepaid, US"
    })
    void findsTypeAndCountryByPrefix(String digits, String type, String country) {
        assertThat(TABLE.lookup(digits)).contains(new Issuer(type, country));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"99999999", "4242", "42424", "497783", "4977830", "", "0000000000000000"})
    void anUnknownOrTooShortPrefixHasNoIssuer(String digits) {
        assertThat(TABLE.lookup(digits)).isEmpty();
    }

    /** The shipped table has no nested prefixes, so this builds one that has. */
    @Test
    void theLongestMatchingPrefixWins() {
        BinTable table = BinTable.of(Map.of(
                "4", new Issuer("credit", null),
                "4242", new Issuer("debit", "US"),
                "424242", new Issuer("prepaid", "GB"),
                "42424299", new Issuer("credit", "FR")));

        assertThat(table.lookup("4242424242424242")).contains(new Issuer("prepaid", "GB"));
        assertThat(table.lookup("4242429912345678")).contains(new Issuer("credit", "FR"));
        assertThat(table.lookup("4242000000000000")).contains(new Issuer("debit", "US"));
        assertThat(table.lookup("4000000000000002")).contains(new Issuer("credit", null));
        assertThat(table.lookup("5555555555554444")).isEmpty();
    }
}
