package io.smartrouter.payment.routing;

import io.smartrouter.payment.gateway.query.GatewayConfigurationView;
import io.smartrouter.payment.routing.RoutingPlan.Choice;
import io.smartrouter.payment.routing.adaptive.AdaptiveRouting;
import io.smartrouter.payment.routing.adaptive.Ranking;
import io.smartrouter.payment.routing.adaptive.Segment;
import io.smartrouter.payment.routing.api.Fallback;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.platform.id.ProjectId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders a payment's gateways. The first of the project's rules whose conditions all hold decides: its gateway
 * configurations in its order, its {@code fallback_on}; configurations it names that are disabled or deleted are left
 * out (and tagged). When no rule matches, {@link #unruled} orders the project's enabled configurations. Apart from
 * the learner's random draws the planner is pure: gateway health (open circuits, full bulkheads) is checked as each
 * attempt is made.
 */
public class RoutingPlanner {

    /** The built-in sandbox configuration id (see {@code GatewayConnectors}). */
    public static final String BUILT_IN_SANDBOX = "sandbox";

    /**
     * Without a rule the router fails over on both (DESIGN.md: "fails over to the next one on technical errors and soft
     * declines"); hard declines never fail over.
     */
    static final Set<Fallback> UNRULED_FALLBACK = EnumSet.allOf(Fallback.class);

    private final AdaptiveRouting adaptive;

    /** @param adaptive orders the eligible configurations when no rule decides */
    public RoutingPlanner(AdaptiveRouting adaptive) {
        this.adaptive = adaptive;
    }

    public RoutingPlan plan(ProjectId project, PaymentFacts payment, List<RoutingRule> rules,
            List<GatewayConfigurationView> configurations) {
        Map<String, GatewayConfigurationView> byId = configurations.stream()
                .collect(Collectors.toMap(GatewayConfigurationView::id, Function.identity()));
        for (RoutingRule rule : rules) {
            if (RuleMatcher.matches(rule, payment)) {
                List<String> tags = new ArrayList<>();
                tags.add("rule:" + rule.name());
                tags.addAll(rule.tags());
                rule.conditions().forEach(condition -> tags.add("condition:" + condition.describe()));
                List<Choice> choices = new ArrayList<>();
                for (String id : rule.gatewayConfigurationIds()) {
                    GatewayConfigurationView configuration = byId.get(id);
                    if (BUILT_IN_SANDBOX.equals(id) && project.sandbox()) {
                        choices.add(new Choice(id, BUILT_IN_SANDBOX));
                    } else if (configuration == null || configuration.deleted()) {
                        tags.add("skipped:" + id + ":deleted");
                    } else if (!configuration.enabled()) {
                        tags.add("skipped:" + id + ":disabled");
                    } else {
                        choices.add(new Choice(id, configuration.gateway()));
                    }
                }
                return new RoutingPlan(choices, rule.fallbackOn(), tags);
            }
        }
        return unruled(project, payment, configurations);
    }

    /**
     * The order when no rule decides: the project's enabled configurations ranked by the adaptive learner (Thompson
     * sampling over their recent approval rates and latency in the payment's segment; its tags explain the draw), or,
     * for a sandbox project without any, the built-in sandbox.
     */
    RoutingPlan unruled(ProjectId project, PaymentFacts payment, List<GatewayConfigurationView> configurations) {
        Map<String, Choice> eligible = new LinkedHashMap<>();
        configurations.stream().filter(configuration -> configuration.enabled() && !configuration.deleted())
                .forEach(configuration -> eligible.put(configuration.id(),
                        new Choice(configuration.id(), configuration.gateway())));
        if (eligible.isEmpty() && project.sandbox()) {
            return new RoutingPlan(List.of(new Choice(BUILT_IN_SANDBOX, BUILT_IN_SANDBOX)), UNRULED_FALLBACK,
                    List.of("order:built-in-sandbox"));
        }
        if (eligible.size() < 2) {
            return new RoutingPlan(List.copyOf(eligible.values()), UNRULED_FALLBACK,
                    List.of("order:only-configuration"));
        }
        Ranking ranking = adaptive.rank(List.copyOf(eligible.keySet()), new Segment(payment.amount().currency().getCurrencyCode(),
                payment.cardScheme(), payment.cardCountry()));
        return new RoutingPlan(ranking.order().stream().map(eligible::get).toList(), UNRULED_FALLBACK,
                ranking.routingTags());
    }
}
