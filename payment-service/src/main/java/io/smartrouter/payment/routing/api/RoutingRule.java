package io.smartrouter.payment.routing.api;

import java.util.List;
import java.util.Set;

/**
 * One routing rule: when all its conditions hold, the payment goes to its gateway configurations in order, falling
 * back to the next on the outcomes {@code fallbackOn} names.
 */
public record RoutingRule(String id, String name, List<RoutingCondition> conditions,
        List<String> gatewayConfigurationIds, Set<Fallback> fallbackOn, List<String> tags) {

    public RoutingRule {
        conditions = List.copyOf(conditions);
        gatewayConfigurationIds = List.copyOf(gatewayConfigurationIds);
        fallbackOn = Set.copyOf(fallbackOn);
        tags = List.copyOf(tags);
    }
}
