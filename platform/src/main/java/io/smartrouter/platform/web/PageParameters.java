package io.smartrouter.platform.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * API.md's list pagination: {@code limit} (1–100, default 10), {@code start_after} / {@code end_before} (an id of the
 * listed type), {@code order} ({@code desc} default, {@code asc}). Unknown parameters are refused by name so a typo
 * never silently lists everything.
 */
public record PageParameters(int limit, String startAfter, String endBefore, boolean ascending) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    private static final Set<String> PAGINATION = Set.of("limit", "start_after", "end_before", "order");

    /**
     * Reads the pagination parameters.
     *
     * @param filters the list's other parameters, which the caller reads itself
     * @param isId whether a cursor value is an id of the listed type
     * @param idName that type, for error messages (e.g. "an invoice id")
     */
    public static PageParameters parse(Map<String, String> parameters, Set<String> filters, Predicate<String> isId,
            String idName) {
        Set<String> known = new HashSet<>(PAGINATION);
        known.addAll(filters);
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw Fields.invalid(Fields.shown(name), "is not a parameter of this list; use "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        String startAfter = cursor(parameters.get("start_after"), "start_after", isId, idName);
        String endBefore = cursor(parameters.get("end_before"), "end_before", isId, idName);
        if (startAfter != null && endBefore != null) {
            throw Fields.invalid("end_before", "cannot be combined with start_after");
        }
        String order = parameters.getOrDefault("order", "desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw Fields.invalid("order", "must be asc or desc");
        }
        return new PageParameters(limit(parameters.get("limit")), startAfter, endBefore, order.equals("asc"));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Fields.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String cursor(String value, String field, Predicate<String> isId, String idName) {
        if (value != null && !isId.test(value)) {
            throw Fields.invalid(field, "must be " + idName);
        }
        return value;
    }
}
