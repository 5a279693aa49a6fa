package io.smartrouter.payment.routing.api;

import java.util.List;

/**
 * {@code attribute operator value}: one value, or the list of an {@code in}. Attributes and values are normalised by
 * validation (currencies and countries upper-case, schemes, types and initiation types lower-case; amounts as decimal
 * strings in major units).
 */
public record RoutingCondition(String attribute, String operator, List<String> values) {

    public RoutingCondition {
        values = List.copyOf(values);
    }

    /** As shown in routing tags, e.g. {@code card_country in [FR, DE]} or {@code amount >= 100.00}. */
    public String describe() {
        return attribute + " " + operator + " " + (operator.equals("in") ? values.toString() : values.get(0));
    }
}
