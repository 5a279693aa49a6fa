package io.smartrouter.platform.money;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An amount of money in minor units of an ISO 4217 currency (cents for USD, yen for JPY, fils for KWD). Never a
 * floating-point number: the API's decimal strings are parsed exactly and rejected when they carry more decimals than
 * the currency's exponent.
 */
public record Money(long minorUnits, Currency currency) {

    /** 10^15 minor units: far above any card payment, far below overflow when amounts are added. */
    public static final long MAX_MINOR_UNITS = 1_000_000_000_000_000L;
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,19}(\\.\\d{1,19})?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    /**
     * Codes the JDK still knows but that cannot be paid in: withdrawn currencies, fund and settlement units, and
     * test codes (those without a minor unit, such as XAU or XXX, are refused through their exponent of -1).
     */
    private static final Set<String> NOT_PAYABLE = Set.of(
            "ADP", "AFA", "ATS", "AYM", "AZM", "BEF", "BGL", "BOV", "CHE", "CHW", "CLF", "COU", "CSD", "CUC", "CYP",
            "DEM", "EEK", "ESP", "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL", "LTL", "LUF", "LVL", "MGF",
            "MRO", "MTL", "MXV", "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SLL", "SRG", "STD", "TMM",
            "TPE", "TRL", "USN", "USS", "UYI", "UYW", "VEB", "VEF", "XSU", "XUA", "YUM", "ZMK", "ZWD", "ZWL", "ZWN",
            "ZWR");

    public Money {
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
        if (exponent(currency) < 0) {
            throw new IllegalArgumentException(currency + " is not a currency that can be paid in");
        }
        if (minorUnits < 0 || minorUnits > MAX_MINOR_UNITS) {
            throw new IllegalArgumentException("amount out of range");
        }
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /** Parses an API amount such as {@code "10.00"} in {@code currencyCode}; answers 400 with API.md's codes. */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            throw invalidAmount("The amount must be a decimal string such as \"10.00\"");
        }
        BigDecimal decimal = new BigDecimal(amount);
        int exponent = exponent(currency);
        if (decimal.stripTrailingZeros().scale() > exponent) {
            throw invalidAmount(currency.getCurrencyCode() + " amounts have at most " + exponent + " decimal places");
        }
        BigInteger minor = decimal.movePointRight(exponent).toBigIntegerExact();
        if (minor.compareTo(BigInteger.valueOf(MAX_MINOR_UNITS)) > 0) {
            throw invalidAmount("The amount is too large");
        }
        return new Money(minor.longValueExact(), currency);
    }

    /** The ISO 4217 currency for {@code code}; 400 {@code request.validation.invalid-currency} otherwise. */
    public static Currency currency(String code) {
        if (code == null || !CURRENCY_CODE.matcher(code).matches() || NOT_PAYABLE.contains(code)) {
            throw invalidCurrency(code);
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (exponent(currency) < 0) {
                throw invalidCurrency(code);
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw invalidCurrency(code);
        }
    }

    /** The number of decimals of the currency's minor unit (2 for USD, 0 for JPY, 3 for KWD). */
    public static int exponent(Currency currency) {
        return currency.getDefaultFractionDigits();
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currency);
    }

    /** The API's decimal string: {@code "10.00"}, {@code "1000"}, {@code "1.500"}. */
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, exponent(currency)).toPlainString();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currencyCode() + " and " + other.currencyCode());
        }
    }

    private static ApiException invalidAmount(String message) {
        return new ApiException(PlatformErrorCode.INVALID_AMOUNT, message);
    }

    private static ApiException invalidCurrency(String code) {
        // Echo only what could be a currency code: the input might be anything, card data included.
        String shown = code != null && code.matches("[A-Za-z]{1,4}") ? " " + code.toUpperCase(Locale.ROOT) : "";
        return new ApiException(PlatformErrorCode.INVALID_CURRENCY,
                "Unknown currency" + shown + "; use an ISO 4217 code such as USD");
    }
}
