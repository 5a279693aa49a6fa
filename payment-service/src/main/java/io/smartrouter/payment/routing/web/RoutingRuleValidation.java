package io.smartrouter.payment.routing.web;

import io.smartrouter.payment.routing.RoutingPlanner;
import io.smartrouter.payment.routing.RuleMatcher;
import io.smartrouter.payment.routing.api.Fallback;
import io.smartrouter.payment.routing.api.RoutingCondition;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.web.Fields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a {@code PUT /routing-rules} body and turns it into rules, normalised: every problem is a 400 naming the rule
 * and field. Amounts are decimal strings in major units (at most 3 decimals, or the exponent of the currency an
 * {@code ==} currency condition of the same rule names), compared in the payment's own currency.
 */
final class RoutingRuleValidation {

    static final int MAX_RULES = 100;
    static final int MAX_CONDITIONS = 20;
    static final int MAX_GATEWAYS = 10;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 64;
    static final int MAX_IN_VALUES = 100;
    static final String RULE_PREFIX = "rr_";
    static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=", "in");
    static final Set<String> EQUALITY = Set.of("==", "!=", "in");
    static final Set<String> SCHEMES = Set.of("visa", "mastercard", "american-express", "discover", "diners-club",
            "jcb", "unionpay", "maestro");
    static final Set<String> CARD_TYPES = Set.of("credit", "debit", "prepaid");
    static final Set<String> INITIATION_TYPES = Set.of("cit", "mit");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,3})?");
    private static final Pattern METADATA_KEY = Pattern.compile("metadata\\.[^\\s]{1," + Fields.MAX_METADATA_KEY + "}");

    private RoutingRuleValidation() {
    }

    /** The rules, given the gateway configuration ids the project may route to. */
    static List<RoutingRule> validate(RoutingRulesRequest request, ProjectId project, Set<String> projectGateways) {
        if (request == null || request.rules() == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'rules' is required");
        }
        if (request.rules().size() > MAX_RULES) {
            throw Fields.invalid("rules", "has more than " + MAX_RULES + " rules");
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < request.rules().size(); i++) {
            rules.add(rule(request.rules().get(i), "rules[" + i + "]", project, projectGateways));
        }
        return rules;
    }

    private static RoutingRule rule(RoutingRulesRequest.Rule rule, String at, ProjectId project,
            Set<String> projectGateways) {
        if (rule == null) {
            throw Fields.invalid(at, "must be a rule object");
        }
        String name = Fields.required(rule.name(), at + ".name", Fields.MAX_TEXT);
        List<RoutingRulesRequest.Condition> given = rule.conditions() == null ? List.of() : rule.conditions();
        if (given.size() > MAX_CONDITIONS) {
            throw Fields.invalid(at + ".conditions", "has more than " + MAX_CONDITIONS + " conditions");
        }
        String currency = given.stream().filter(c -> c != null && RuleMatcher.CURRENCY.equals(c.attribute())
                && "==".equals(c.operator()) && c.value() instanceof String).map(c -> ((String) c.value())
                .toUpperCase(Locale.ROOT)).findFirst().orElse(null);
        List<RoutingCondition> conditions = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            conditions.add(condition(given.get(i), at + ".conditions[" + i + "]", currency));
        }
        List<String> gateways = rule.gatewayConfigurationIds();
        if (gateways == null || gateways.isEmpty() || gateways.size() > MAX_GATEWAYS) {
            throw Fields.invalid(at + ".gateway_configuration_ids", "must list 1 to " + MAX_GATEWAYS
                    + " gateway configurations");
        }
        if (new LinkedHashSet<>(gateways).size() != gateways.size()) {
            throw Fields.invalid(at + ".gateway_configuration_ids", "lists a configuration twice");
        }
        for (String id : gateways) {
            boolean builtIn = RoutingPlanner.BUILT_IN_SANDBOX.equals(id) && project.sandbox();
            if (id == null || !(builtIn || projectGateways.contains(id))) {
                throw Fields.invalid(at + ".gateway_configuration_ids", "names "
                        + (id == null ? "null" : Fields.shown(id)) + ", which is not a gateway configuration of this project");
            }
        }
        Set<Fallback> fallbackOn = EnumSet.noneOf(Fallback.class);
        for (String wire : rule.fallbackOn() == null ? List.<String>of() : rule.fallbackOn()) {
            fallbackOn.add(Fallback.fromWire(wire).orElseThrow(() -> Fields.invalid(at + ".fallback_on",
                    "values must be soft_decline or gateway_error")));
        }
        List<String> tags = rule.tags() == null ? List.of() : rule.tags();
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(tag -> tag == null || tag.isBlank() || tag.length() > MAX_TAG)) {
            throw Fields.invalid(at + ".tags", "must be at most " + MAX_TAGS + " non-empty strings of at most "
                    + MAX_TAG + " characters");
        }
        return new RoutingRule(Ids.newId(RULE_PREFIX), name, conditions, gateways, fallbackOn, tags);
    }

    private static RoutingCondition condition(RoutingRulesRequest.Condition condition, String at, String currency) {
        if (condition == null || condition.attribute() == null || condition.operator() == null
                || condition.value() == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field '" + at
                    + "' needs an attribute, an operator and a value");
        }
        String attribute = condition.attribute();
        String operator = condition.operator();
        if (!OPERATORS.contains(operator)) {
            throw Fields.invalid(at + ".operator", "must be one of ==, !=, <, <=, >, >=, in");
        }
        boolean known = attribute.equals(RuleMatcher.AMOUNT) || attribute.equals(RuleMatcher.CURRENCY)
                || attribute.equals(RuleMatcher.CARD_SCHEME) || attribute.equals(RuleMatcher.CARD_COUNTRY)
                || attribute.equals(RuleMatcher.CARD_TYPE) || attribute.equals(RuleMatcher.INITIATION_TYPE)
                || METADATA_KEY.matcher(attribute).matches();
        if (!known) {
            throw Fields.invalid(at + ".attribute", "must be amount, currency, card_scheme, card_country, card_type, "
                    + "initiation_type or metadata.<key>");
        }
        if (!attribute.equals(RuleMatcher.AMOUNT) && !EQUALITY.contains(operator)) {
            throw Fields.invalid(at + ".operator", "must be ==, != or in for " + Fields.shown(attribute));
        }
        List<String> values = values(condition.value(), operator, at + ".value");
        return new RoutingCondition(attribute, operator, values.stream()
                .map(value -> normalise(attribute, value, at + ".value", currency)).toList());
    }

    private static List<String> values(Object value, String operator, String at) {
        if (operator.equals("in")) {
            if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_IN_VALUES
                    || !list.stream().allMatch(String.class::isInstance)) {
                throw Fields.invalid(at, "must be a list of 1 to " + MAX_IN_VALUES + " strings for in");
            }
            return list.stream().map(String.class::cast).toList();
        }
        if (!(value instanceof String text)) {
            throw Fields.invalid(at, "must be a string (amounts too, e.g. \"10.00\")");
        }
        return List.of(text);
    }

    private static String normalise(String attribute, String value, String at, String currency) {
        switch (attribute) {
            case RuleMatcher.AMOUNT -> {
                if (!DECIMAL.matcher(value).matches()) {
                    throw new ApiException(PlatformErrorCode.INVALID_AMOUNT, "Field '" + at
                            + "' must be a decimal amount in major units, e.g. \"10.00\"");
                }
                if (currency != null) {
                    Money.parse(value, currency);
                }
                return new BigDecimal(value).toPlainString();
            }
            case RuleMatcher.CURRENCY -> {
                return Money.currency(value.toUpperCase(Locale.ROOT)).getCurrencyCode();
            }
            case RuleMatcher.CARD_SCHEME -> {
                return oneOf(value.toLowerCase(Locale.ROOT), SCHEMES, at);
            }
            case RuleMatcher.CARD_TYPE -> {
                return oneOf(value.toLowerCase(Locale.ROOT), CARD_TYPES, at);
            }
            case RuleMatcher.INITIATION_TYPE -> {
                return oneOf(value.toLowerCase(Locale.ROOT), INITIATION_TYPES, at);
            }
            case RuleMatcher.CARD_COUNTRY -> {
                String country = value.toUpperCase(Locale.ROOT);
                if (!COUNTRY.matcher(country).matches()) {
                    throw Fields.invalid(at, "must be an ISO 3166-1 alpha-2 country code");
                }
                return country;
            }
            default -> {
                if (value.length() > Fields.MAX_METADATA_VALUE) {
                    throw Fields.invalid(at, "must be at most " + Fields.MAX_METADATA_VALUE + " characters");
                }
                return value;
            }
        }
    }

    private static String oneOf(String value, Set<String> allowed, String at) {
        if (!allowed.contains(value)) {
            throw Fields.invalid(at, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }
}
