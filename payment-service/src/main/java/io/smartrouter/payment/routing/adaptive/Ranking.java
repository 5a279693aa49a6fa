package io.smartrouter.payment.routing.adaptive;

import java.util.List;

/**
 * The eligible gateway configurations in the order to try them, and the routing tags that explain the order (shown in
 * the transaction's {@code routing_tags}).
 */
public record Ranking(List<String> order, List<String> routingTags) {

    public Ranking {
        order = List.copyOf(order);
        routingTags = List.copyOf(routingTags);
    }
}
