package io.smartrouter.payment.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.routing.api.RoutingCondition;
import io.smartrouter.platform.money.Money;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every attribute × operator against one known payment, and the same conditions against unknown card data. */
class RuleMatcherTests {

    /** 100.00 EUR, a French Visa credit card, customer-initiated, metadata channel=web. */
    static final PaymentFacts PAYMENT = new PaymentFacts(Money.parse("100.00", "EUR"), "visa", "FR", "credit", "cit",
            Map.of("channel", "web"));
    /** The same payment with nothing known of the card's country or type, and no metadata. */
    static final PaymentFacts UNKNOWN_CARD = new PaymentFacts(Money.parse("100.00", "EUR"), "visa", null, null, "cit",
            Map.of());

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
        "amount; ==; 100.00; true", "amount; ==; 100; true", "amount; ==; 99.99; false",
        "amount; !=; 99.99; true", "amount; !=; 100.00; false",
        "amount; <; 100.01; true", "amount; <; 100.00; false",
        "amount; <=; 100.00; true", "amount; <=; 99.99; false",
        "amount; >; 99.99; true", "amount; >; 100.00; false",
        "amount; >=; 100.00; true", "amount; >=; 100.01; false",
        "amount; in; 5.00|100.00; true", "amount; in; 5.00|6.00; false",
        "currency; ==; EUR; true", "currency; ==; USD; false", "currency; !=; USD; true", "currency; !=; EUR; false",
        "currency; in; USD|EUR; true", "currency; in; USD|GBP; false",
        "card_scheme; ==; visa; true", "card_scheme; ==; mastercard; false", "card_scheme; !=; mastercard; true",
        "card_scheme; !=; visa; false", "card_scheme; in; mastercard|visa; true", "card_scheme; in; jcb; false",
        "card_country; ==; FR; true", "card_country; ==; GB; false", "card_country; !=; GB; true",
        "card_country; !=; FR; false", "card_country; in; FR|DE; true", "card_country; in; GB|US; false",
        "card_type; ==; credit; true", "card_type; ==; debit; false", "card_type; !=; debit; true",
        "card_type; !=; credit; false", "card_type; in; credit|prepaid; true", "card_type; in; debit; false",
        "initiation_type; ==; cit; true", "initiation_type; ==; mit; false", "initiation_type; !=; mit; true",
        "initiation_type; !=; cit; false", "initiation_type; in; cit|mit; true", "initiation_type; in; mit; false",
        "metadata.channel; ==; web; true", "metadata.channel; ==; app; false", "metadata.channel; !=; app; true",
        "metadata.channel; !=; web; false", "metadata.channel; in; app|web; true", "metadata.channel; in; app; false",
        "metadata.missing; ==; web; false", "metadata.missing; !=; web; false", "metadata.missing; in; web; false"
    })
    void aConditionHoldsOrNotForAKnownPayment(String attribute, String operator, String values, boolean expected) {
        assertThat(RuleMatcher.holds(condition(attribute, operator, values), PAYMENT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "unknown card: {0} {1} {2} never holds")
    @CsvSource(delimiter = ';', value = {
        "card_country; ==; FR", "card_country; !=; FR", "card_country; in; FR|DE",
        "card_type; ==; credit", "card_type; !=; credit", "card_type; in; credit|debit",
        "metadata.channel; ==; web", "metadata.channel; !=; web"
    })
    void aConditionOnUnknownCardDataNeverHolds(String attribute, String operator, String values) {
        assertThat(RuleMatcher.holds(condition(attribute, operator, values), UNKNOWN_CARD)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} {2} in JPY -> {3}")
    @CsvSource(delimiter = ';', value = {"amount; >=; 1000; true", "amount; >; 1000; false", "amount; ==; 1000.00; true"})
    void amountsCompareInThePaymentsOwnCurrency(String attribute, String operator, String values, boolean expected) {
        var yen = new PaymentFacts(Money.parse("1000", "JPY"), "visa", "JP", "credit", "cit", Map.of());
        assertThat(RuleMatcher.holds(condition(attribute, operator, values), yen)).isEqualTo(expected);
    }

    static RoutingCondition condition(String attribute, String operator, String values) {
        List<String> list = Arrays.asList(values.split("\\|"));
        return new RoutingCondition(attribute, operator, list);
    }
}
