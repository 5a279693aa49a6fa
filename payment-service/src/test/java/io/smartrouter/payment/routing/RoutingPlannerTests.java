package io.smartrouter.payment.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.gateway.query.GatewayConfigurationView;
import io.smartrouter.payment.routing.RoutingPlan.Choice;
import io.smartrouter.payment.routing.adaptive.AdaptiveRouting;
import io.smartrouter.payment.routing.adaptive.AuthorizationOutcome;
import io.smartrouter.payment.routing.adaptive.GatewayLearner;
import io.smartrouter.payment.routing.adaptive.Segment;
import io.smartrouter.payment.routing.api.Fallback;
import io.smartrouter.payment.routing.api.RoutingCondition;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.platform.id.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoutingPlannerTests {

    static final ProjectId SANDBOX = new ProjectId("test-proj_demo");
    static final ProjectId LIVE = new ProjectId("proj_live");
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    final GatewayLearner learner = new GatewayLearner(GatewayLearner.Settings.DEFAULTS, Clock.fixed(T, ZoneOffset.UTC));
    final RoutingPlanner planner = new RoutingPlanner(new AdaptiveRouting(learner, new SplittableRandom(7),
            AdaptiveRouting.DEFAULT_LATENCY_WEIGHT));

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
    void withoutAMatchingRuleTheLearnerOrdersTheEnabledConfigurationsFailingOverOnBoth() {
        var segment = new Segment("EUR", "visa", "FR");
        for (int i = 0; i < 200; i++) {
            learner.record("early", segment, i % 2 == 0 ? AuthorizationOutcome.SOFT_DECLINE
                    : AuthorizationOutcome.APPROVED, Duration.ofMillis(300), T);
            learner.record("late", segment, i % 10 == 0 ? AuthorizationOutcome.SOFT_DECLINE
                    : AuthorizationOutcome.APPROVED, Duration.ofMillis(300), T);
        }
        var configurations = List.of(configuration("early", true, 1), configuration("off", false, 0),
                configuration("late", true, 5));
        var rules = List.of(rule("gb", List.of(new RoutingCondition("card_country", "==", List.of("GB"))),
                List.of("early"), Set.of()));

        RoutingPlan plan = planner.plan(SANDBOX, RuleMatcherTests.PAYMENT, rules, configurations);

        assertThat(plan.choices()).extracting(Choice::gatewayConfigurationId).containsExactly("late", "early");
        assertThat(plan.fallbackOn()).containsExactlyInAnyOrder(Fallback.values());
        assertThat(plan.tags()).startsWith("adaptive", "segment:EUR/visa/FR")
                .contains("p_approval:late=0.90,early=0.50");
    }

    @Test
    void aSingleEligibleConfigurationNeedsNoRanking() {
        var plan = planner.plan(SANDBOX, RuleMatcherTests.PAYMENT, List.of(),
                List.of(configuration("only", true, 0), configuration("off", false, 1)));

        assertThat(plan.choices()).extracting(Choice::gatewayConfigurationId).containsExactly("only");
        assertThat(plan.tags()).containsExactly("order:only-configuration");
    }

    @Test
    void aSandboxProjectWithoutConfigurationsUsesTheBuiltInSandboxAndALiveOneNothing() {
        assertThat(planner.plan(SANDBOX, RuleMatcherTests.PAYMENT, List.of(), List.of()).choices())
                .containsExactly(new Choice("sandbox", "sandbox"));
        assertThat(planner.plan(LIVE, RuleMatcherTests.PAYMENT, List.of(), List.of()).choices()).isEmpty();
    }
}
