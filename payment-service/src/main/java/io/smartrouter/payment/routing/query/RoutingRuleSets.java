package io.smartrouter.payment.routing.query;

import io.smartrouter.payment.gateway.query.GatewayConfigurations;
import io.smartrouter.payment.routing.api.Fallback;
import io.smartrouter.payment.routing.api.RoutingCondition;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.schemas.routing.RoutingRulesReplacedEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The projects' routing rules, kept in the command's transaction (the gateway configurations' subscribing group). */
@Component
@ProcessingGroup(GatewayConfigurations.PROCESSING_GROUP)
public class RoutingRuleSets {

    private static final JsonMapper DOCUMENTS = JsonMapper.builder().build();

    private final RoutingRuleSetRepository sets;

    RoutingRuleSets(RoutingRuleSetRepository sets) {
        this.sets = sets;
    }

    @EventHandler
    void on(RoutingRulesReplacedEvent event) {
        List<RoutingRule> rules = event.getRules().stream().map(rule -> new RoutingRule(rule.getRuleId(),
                rule.getName(), rule.getConditions().stream().map(condition -> new RoutingCondition(
                        condition.getAttribute(), condition.getOperator(), condition.getValues())).toList(),
                rule.getGatewayConfigurationIds(), rule.getFallbackOn().stream().map(Fallback::fromWire)
                        .flatMap(Optional::stream).collect(Collectors.toSet()), rule.getTags())).toList();
        RoutingRuleSet set = sets.findById(event.getProjectId()).orElseGet(() -> new RoutingRuleSet(event.getProjectId()));
        set.update(DOCUMENTS.writeValueAsString(rules), event.getReplacedAt());
        sets.save(set);
    }

    /** The project's rules in order; none when it never set any. */
    @Transactional(readOnly = true)
    public List<RoutingRule> rules(String projectId) {
        return sets.findById(projectId).map(set -> Arrays.asList(DOCUMENTS.readValue(set.document(),
                RoutingRule[].class))).orElse(List.of());
    }
}
