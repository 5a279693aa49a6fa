package io.smartrouter.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

    @ParameterizedTest(name = "{0} {1} = {2} minor units")
    @CsvSource({
        "10.00, USD, 1000",
        "10, USD, 1000",
        "10.5, USD, 1050",
        "0.01, EUR, 1",
        "1000, JPY, 1000",
        "1000.000, JPY, 1000",
        "1.500, KWD, 1500",
        "0.001, BHD, 1",
        "42, CLP, 42",
        "0, USD, 0",
        "10000000000000.00, USD, 1000000000000000"
    })
    void parsesDecimalStringsExactlyIntoMinorUnits(String amount, String currency, long minor) {
        Money money = Money.parse(amount, currency);
        assertThat(money.minorUnits()).isEqualTo(minor);
        assertThat(money.currencyCode()).isEqualTo(currency);
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
        "10.001, USD", "10.5, JPY", "1.5001, KWD", "-1.00, USD", "+1.00, USD", "1e3, USD", "1.0E2, USD",
        "abc, USD", "'', USD", "' 10.00', USD", "'10.00 ', USD", "'10,00', EUR", ".5, USD", "5., USD",
        "NaN, USD", "Infinity, USD", "10000000000000.01, USD", "99999999999999999999, USD"
    })
    void refusesMalformedNegativeOverPreciseAndHugeAmounts(String amount, String currency) {
        assertThatThrownBy(() -> Money.parse(amount, currency))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(PlatformErrorCode.INVALID_AMOUNT));
    }

    @ParameterizedTest(name = "currency {0} is refused")
    @CsvSource({"XYZ", "usd", "US", "USDX", "XAU", "XXX", "FRF", "DEM", "'', ", "'1$3'"})
    void refusesUnknownWithdrawnAndNonPayableCurrencies(String currency) {
        assertThatThrownBy(() -> Money.parse("1", currency))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(PlatformErrorCode.INVALID_CURRENCY));
    }

    @Test
    void formatsWithTheCurrencysExponent() {
        assertThat(Money.ofMinor(1000, "USD").toDecimalString()).isEqualTo("10.00");
        assertThat(Money.ofMinor(5, "USD").toDecimalString()).isEqualTo("0.05");
        assertThat(Money.ofMinor(1000, "JPY").toDecimalString()).isEqualTo("1000");
        assertThat(Money.ofMinor(1500, "KWD").toDecimalString()).isEqualTo("1.500");
    }

    @Test
    void addsAndSubtractsOnlyInOneCurrency() {
        Money ten = Money.parse("10.00", "USD");
        assertThat(ten.plus(Money.parse("0.50", "USD")).minorUnits()).isEqualTo(1050);
        assertThat(ten.minus(Money.parse("10.00", "USD")).isZero()).isTrue();
        assertThat(ten.times(3).toDecimalString()).isEqualTo("30.00");
        assertThatThrownBy(() -> ten.plus(Money.parse("1", "JPY"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ten.minus(Money.parse("10.01", "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverEchoesALongCurrencyInput() {
        assertThatThrownBy(() -> Money.parse("1", "4242424242424242"))
                .hasMessageNotContaining("4242");
    }
}
