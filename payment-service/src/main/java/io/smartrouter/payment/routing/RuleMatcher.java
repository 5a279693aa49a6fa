package io.smartrouter.payment.routing;

import io.smartrouter.payment.routing.api.RoutingCondition;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.platform.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * Whether a rule's conditions hold for a payment. Amounts compare as exact decimals in the payment's own currency (a
 * rule {@code amount >= 100.00} is 100 of whatever currency the payment is in; combine it with a currency condition).
 * A condition on something the payment does not have (an unknown card type or country, a missing metadata key) never
 * holds, whatever its operator: a rule about an attribute applies only when that attribute is known.
 */
public final class RuleMatcher {

    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String CARD_SCHEME = "card_scheme";
    public static final String CARD_COUNTRY = "card_country";
    public static final String CARD_TYPE = "card_type";
    public static final String INITIATION_TYPE = "initiation_type";
    public static final String METADATA_PREFIX = "metadata.";

    private RuleMatcher() {
    }

    public static boolean matches(RoutingRule rule, PaymentFacts payment) {
        return rule.conditions().stream().allMatch(condition -> holds(condition, payment));
    }

    public static boolean holds(RoutingCondition condition, PaymentFacts payment) {
        if (condition.attribute().equals(AMOUNT)) {
            BigDecimal amount = BigDecimal.valueOf(payment.amount().minorUnits(), Money.exponent(payment.amount().currency()));
            return compare(condition.operator(), condition.values().stream().map(BigDecimal::new).toList(), amount);
        }
        String actual = text(condition.attribute(), payment);
        if (actual == null) {
            return false;
        }
        return switch (condition.operator()) {
            case "==" -> actual.equals(condition.values().get(0));
            case "!=" -> !actual.equals(condition.values().get(0));
            case "in" -> condition.values().contains(actual);
            default -> false;
        };
    }

    private static boolean compare(String operator, List<BigDecimal> values, BigDecimal actual) {
        int order = actual.compareTo(values.get(0));
        return switch (operator) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            case "in" -> values.stream().anyMatch(value -> value.compareTo(actual) == 0);
            default -> false;
        };
    }

    private static String text(String attribute, PaymentFacts payment) {
        if (attribute.startsWith(METADATA_PREFIX)) {
            return payment.metadata().get(attribute.substring(METADATA_PREFIX.length()));
        }
        return switch (attribute) {
            case CURRENCY -> payment.amount().currencyCode();
            case CARD_SCHEME -> payment.cardScheme();
            case CARD_COUNTRY -> payment.cardCountry();
            case CARD_TYPE -> payment.cardType();
            case INITIATION_TYPE -> payment.initiationType();
            default -> null;
        };
    }
}
