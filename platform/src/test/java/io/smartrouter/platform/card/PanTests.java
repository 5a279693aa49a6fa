package io.smartrouter.platform.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PanTests {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "4242424242424242, 4242424242424242",
        "4242 4242 4242 4242, 4242424242424242",
        "4242-4242-4242-4242, 4242424242424242",
        "3782 822463 10005, 378282246310005",
        "' 4242424242424242 ', 4242424242424242",
        "424242424242, 424242424242",
        "4242424242424242424, 4242424242424242424"
    })
    void removesSpacesAndDashesBetweenDigitGroups(String text, String digits) {
        Pan pan = Pan.parse(text);
        assertThat(pan).isNotNull();
        assertThat(pan.digits()).isEqualTo(digits);
        assertThat(pan.length()).isEqualTo(digits.length());
    }

    @ParameterizedTest(name = "\"{0}\" is not a PAN")
    @ValueSource(strings = {
        "", "    ", "4242a24242424242", "4242.4242.4242.4242", "4242/4242/4242/4242", "4242_4242_4242_4242",
        "+4242424242424242", "4242424242424242\n", "４２４２４２４２４２４２４２４２",
        "42424242424", "4242 4242 424", "42424242424242424242", "4242 4242 4242 4242 4242"
    })
    @NullSource
    void refusesLettersOtherSeparatorsAndWrongLengths(String text) {
        assertThat(Pan.parse(text)).isNull();
    }

    @Test
    void refusesAnOverlongInputBeforeLookingAtIt() {
        assertThat(Pan.parse("4242" + " ".repeat(Pan.MAX_LENGTH * 2))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4242424242424242", "5555555555554444", "378282246310005", "4000000000000002",
        "4000000000000101", "4000000000002180", "4977830000000001", "4658580000000008", "30569309025904"})
    void sandboxNumbersPassLuhn(String number) {
        assertThat(Pan.parse(number).passesLuhn()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4242424242424241", "5555555555554445", "378282246310006", "4000000000000003",
        "4000000000000009", "4242424242424240"})
    void aChangedCheckDigitFailsLuhn(String number) {
        assertThat(Pan.parse(number).passesLuhn()).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @CsvSource({
        "4242424242424242, 424242, 4242, 424242******4242",
        "378282246310005, 378282, 0005, 378282*****0005",
        "424242424242, 424242, 4242, 424242**4242",
        "4242424242424242424, 424242, 2424, 424242*********2424"
    })
    void showsTheFirstSixAndLastFourDigitsOnly(String number, String iin, String last4, String masked) {
        Pan pan = Pan.parse(number);
        assertThat(pan.iin()).isEqualTo(iin);
        assertThat(pan.last4()).isEqualTo(last4);
        assertThat(pan.masked()).isEqualTo(masked);
    }

    @Test
    void toStringIsMaskedSoALoggedPanShowsNothingSensitive() {
        Pan pan = Pan.parse("4242 4242 4242 4242");
        assertThat(pan.toString()).isEqualTo("424242******4242").doesNotContain("4242424242424242");
        assertThat(String.format("card %s", pan)).doesNotContain("4242424242424242");
    }

    @Test
    void equalNumbersAreEqualWhateverTheirFormatting() {
        assertThat(Pan.parse("4242-4242-4242-4242")).isEqualTo(Pan.parse("4242424242424242"))
                .hasSameHashCodeAs(Pan.parse("4242 4242 4242 4242"))
                .isNotEqualTo(Pan.parse("5555555555554444"));
    }
}
