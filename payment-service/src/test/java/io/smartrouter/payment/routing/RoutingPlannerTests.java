package io.smartrouter.payment.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.gateway.query.GatewayConfigurationView;
import io.smartrouter.payment.routing.RoutingPlan.Choice;
import io.smartrouter.payment.routing.api.Fallback;
import io.smartrouter.payment.routing.api.RoutingCondition;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingPlannerTests {

    static final ProjectId SANDBOX = new ProjectId("test-proj_demo");
    static final ProjectId LIVE = new ProjectId("proj_live");
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    final RoutingPlanner planner = new RoutingPlanner();

    static GatewayConfigurationView configuration(String id, boolean enabled, int minute) {
        return new GatewayConfigurationView(id, SANDBOX.value(), "scripted", id, enabled, false, List.of(), "fp",
                T.plusSeconds(60L * minute), T);
    }

    static RoutingRule rule(String name, List<RoutingCondition> conditions, List<String> gateways, Set<Fallback> on) {
        return new RoutingRule("rr_" + name, name, conditions, gateways, on, List.of("tag-" + name));
    }

    @Test
    void theFirstMatchingRuleDecidesTheOrderTheFallbacksAndTheTags() {
        var configurations = List.of(configuration("a", true, 0), configuration("b", true, 1));
        var rules = List.of(
                rule("gb", List.of(new RoutingCondition("card_country", "==", List.of("GB"))), List.of("a"), Set.of()),
                rule("fr", List.of(new RoutingCondition("card_country", "==", List.of("FR"))), List.of("b", "a"),
                        Set.of(Fallback.SOFT_DECLINE)),
                rule("any", List.of(), List.of("a"), Set.of()));

        RoutingPlan plan = planner.plan(SANDBOX, RuleMatcherTests.PAYMENT, rules, configurations);

        assertThat(plan.choices()).containsExactly(new Choice("b", "scripted"), new Choice("a", "scripted"));
        assertThat(plan.fallbackOn()).containsExactly(Fallback.SOFT_DECLINE);
        assertThat(plan.tags()).containsExactly("rule:fr", "tag-fr", "condition:card_country == FR");
    }

    @Test
    void aRulesDisabledOrDeletedConfigurationsAreLeftOutAndTagged() {
        var configurations = List.of(configuration("a", false, 0), configuration("b", true, 1));
        var rules = List.of(rule("all", List.of(), List.of("a", "gone", "b"), Set.of()));

        RoutingPlan plan = planner.plan(SANDBOX, RuleMatcherTests.PAYMENT, rules, configurations);

        assertThat(plan.choices()).extracting(Choice::gatewayConfigurationId).containsExactly("b");
        assertThat(plan.tags()).contains("skipped:a:disabled", "skipped:gone:deleted");
    }

    @Test
    void withoutAMatchingRuleTheEnabledConfigurationsGoInCreationOrderFailingOverOnBoth() {
        var configurations = List.of(configuration("late", true, 5), configuration("off", false, 0),
                configuration("early", true, 1));
        var rules = List.of(rule("gb", List.of(new RoutingCondition("card_country", "==", List.of("GB"))),
                List.of("late"), Set.of()));

        RoutingPlan plan = planner.plan(SANDBOX, RuleMatcherTests.PAYMENT, rules,
                configurations.stream().sorted((x, y) -> x.createdAt().compareTo(y.createdAt())).toList());

        assertThat(plan.choices()).extracting(Choice::gatewayConfigurationId).containsExactly("early", "late");
        assertThat(plan.fallbackOn()).containsExactlyInAnyOrder(Fallback.values());
        assertThat(plan.tags()).containsExactly("order:configurations-by-creation");
    }

    @Test
    void aSandboxProjectWithoutConfigurationsUsesTheBuiltInSandboxAndALiveOneNothing() {
        assertThat(planner.plan(SANDBOX, RuleMatcherTests.PAYMENT, List.of(), List.of()).choices())
                .containsExactly(new Choice("sandbox", "sandbox"));
        assertThat(planner.plan(LIVE, RuleMatcherTests.PAYMENT, List.of(), List.of()).choices()).isEmpty();
    }
}
