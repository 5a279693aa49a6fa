package io.smartrouter.payment.routing.web;

import java.util.List;

/** The body of {@code PUT /routing-rules}: the whole ordered list. */
record RoutingRulesRequest(List<Rule> rules) {

    /** One rule as sent; {@code value} is a string, or a list of strings for {@code in}. */
    record Rule(String name, List<Condition> conditions, List<String> gatewayConfigurationIds, List<String> fallbackOn,
            List<String> tags) {
    }

    record Condition(String attribute, String operator, Object value) {
    }
}
