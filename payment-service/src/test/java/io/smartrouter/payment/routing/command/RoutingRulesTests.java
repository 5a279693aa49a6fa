package io.smartrouter.payment.routing.command;

import io.smartrouter.payment.routing.api.Fallback;
import io.smartrouter.payment.routing.api.ReplaceRoutingRulesCommand;
import io.smartrouter.payment.routing.api.RoutingCondition;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.routing.RoutingConditionRecord;
import io.smartrouter.schemas.routing.RoutingRuleRecord;
import io.smartrouter.schemas.routing.RoutingRulesReplacedEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingRulesTests {

    static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    static final String ID = ReplaceRoutingRulesCommand.idOf(PROJECT);
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final RoutingRule RULE = new RoutingRule("rr_1", "EU", List.of(new RoutingCondition("card_country", "in",
            List.of("FR", "DE"))), List.of("gway_conf_a", "sandbox"), EnumSet.allOf(Fallback.class), List.of("eu"));

    FixtureConfiguration<RoutingRules> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RoutingRules.class);
    }

    static RoutingRulesReplacedEvent replaced(List<RoutingRuleRecord> rules) {
        return RoutingRulesReplacedEvent.newBuilder().setProjectId(PROJECT.value()).setRules(rules).setReplacedAt(NOW)
                .build();
    }

    static RoutingRuleRecord record() {
        return RoutingRuleRecord.newBuilder().setRuleId("rr_1").setName("EU")
                .setConditions(List.of(RoutingConditionRecord.newBuilder().setAttribute("card_country")
                        .setOperator("in").setValues(List.of("FR", "DE")).build()))
                .setGatewayConfigurationIds(List.of("gway_conf_a", "sandbox"))
                .setFallbackOn(List.of("gateway_error", "soft_decline")).setTags(List.of("eu")).build();
    }

    @Test
    void theFirstReplacementCreatesTheProjectsRules() {
        fixture.givenNoPriorActivity().when(new ReplaceRoutingRulesCommand(ID, PROJECT, List.of(RULE), NOW))
                .expectEvents(replaced(List.of(record())));
    }

    @Test
    void aReplacementReplacesTheWholeListAndTheSameListRecordsNothing() {
        fixture.given(replaced(List.of(record()))).when(new ReplaceRoutingRulesCommand(ID, PROJECT, List.of(), NOW))
                .expectEvents(replaced(List.of()));
        fixture.given(replaced(List.of(record()))).when(new ReplaceRoutingRulesCommand(ID, PROJECT, List.of(RULE), NOW))
                .expectNoEvents();
    }
}
