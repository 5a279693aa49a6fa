package io.smartrouter.payment.routing;

import io.smartrouter.payment.routing.api.Fallback;
import java.util.List;
import java.util.Set;

/**
 * The router's answer for one payment: the gateway configurations to try, in order, when to go on to the next, and
 * the routing tags saying why (the matched rule, its tags and conditions, or how the order was chosen, and what was
 * left out).
 */
public record RoutingPlan(List<Choice> choices, Set<Fallback> fallbackOn, List<String> tags) {

    public RoutingPlan {
        choices = List.copyOf(choices);
        fallbackOn = Set.copyOf(fallbackOn);
        tags = List.copyOf(tags);
    }

    /** One gateway configuration and its gateway (PSP) name. */
    public record Choice(String gatewayConfigurationId, String gateway) {
    }
}
