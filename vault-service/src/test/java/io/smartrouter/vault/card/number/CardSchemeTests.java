package io.smartrouter.vault.card.number;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.card.Pan;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardSchemeTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // the sandbox cards
        "4242424242424242, VISA",
        "5555555555554444, MASTERCARD",
        "378282246310005, AMERICAN_EXPRESS",
        "4000000000000002, VISA",
        "4000000000000101, VISA",
        "4000000000002180, VISA",
        "4977830000000001, VISA",
        "4658580000000008, VISA",
        // the other schemes and ranges
        "4222222222222, VISA",
        "4242424242424242424, VISA",
        "2223003122003222, MASTERCARD",
        "2221000000000009, MASTERCARD",
        "2720990000000007, MASTERCARD",
        "5105105105105100, MASTERCARD",
        "371449635398431, AMERICAN_EXPRESS",
        "340000000000009, AMERICAN_EXPRESS",
        "6011111111111117, DISCOVER",
        "6445644564456445, DISCOVER",
        "6500000000000002, DISCOVER",
        "6221260000000000, DISCOVER",
        "30569309025904, DINERS_CLUB",
        "36227206271667, DINERS_CLUB",
        "3530111333300000, JCB",
        "6200000000000005, UNIONPAY",
        "6759649826438453, MAESTRO",
        "6799990100000000019, MAESTRO"
    })
    void detectsTheSchemeFromTheRangeAndLength(String number, CardScheme scheme) {
        assertThat(CardScheme.detect(Pan.parse(number))).contains(scheme);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "622125, UNIONPAY",
        "622126, DISCOVER",
        "622500, DISCOVER",
        "622925, DISCOVER",
        "622926, UNIONPAY",
        "620000, UNIONPAY",
        "222099, ",
        "222100, MASTERCARD",
        "272099, MASTERCARD",
        "272100, ",
        "300000, DINERS_CLUB",
        "305999, DINERS_CLUB",
        "306000, ",
        "352799, ",
        "352800, JCB",
        "358999, JCB",
        "675900, MAESTRO"
    })
    void findsTheNarrowerRangeInsideAWiderOne(String iin, CardScheme scheme) {
        assertThat(CardScheme.ofIin(iin)).isEqualTo(Optional.ofNullable(scheme));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "424242424242424",     // Visa range, 15 digits
        "42424242424242",      // Visa range, 14 digits
        "55555555555544444",   // Mastercard range, 17 digits
        "3782822463100051",    // American Express range, 16 digits
        "601111111111111",     // Discover range, 15 digits
        "9999999999999995",    // no scheme starts with 9
        "1000000000000008",
        "7000000000000002"
    })
    void aWrongLengthForTheSchemeOrAnUnknownPrefixIsNoScheme(String number) {
        assertThat(CardScheme.detect(Pan.parse(number))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CardScheme.class)
    void onlyAmericanExpressHasAFourDigitCvc(CardScheme scheme) {
        assertThat(scheme.cvcLength()).isEqualTo(scheme == CardScheme.AMERICAN_EXPRESS ? 4 : 3);
    }

    @Test
    void wireNamesAreTheOnesOfTheApi() {
        assertThat(CardScheme.values()).extracting(CardScheme::wire).containsExactly("visa", "mastercard",
                "american-express", "discover", "diners-club", "jcb", "unionpay", "maestro");
    }
}
