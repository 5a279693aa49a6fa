package io.smartrouter.platform.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CvcTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"123, 3", "000, 3", "1234, 4", "9999, 4"})
    void acceptsThreeOrFourDigits(String text, int length) {
        Cvc cvc = Cvc.parse(text);
        assertThat(cvc).isNotNull();
        assertThat(cvc.digits()).isEqualTo(text);
        assertThat(cvc.length()).isEqualTo(length);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "1", "12", "12345", "12a", "abc", " 123", "123 ", "12 3", "-123", "１２３"})
    @NullSource
    void refusesEverythingElse(String text) {
        assertThat(Cvc.parse(text)).isNull();
    }

    @Test
    void toStringNeverShowsTheDigits() {
        Cvc cvc = Cvc.parse("4321");
        assertThat(cvc.toString()).isEqualTo("***");
        assertThat(String.valueOf(cvc)).doesNotContain("4321");
    }
}
