package io.smartrouter.payment.routing.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.payment.routing.api.Fallback;
import io.smartrouter.payment.routing.api.ReplaceRoutingRulesCommand;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.routing.RoutingConditionRecord;
import io.smartrouter.schemas.routing.RoutingRuleRecord;
import io.smartrouter.schemas.routing.RoutingRulesReplacedEvent;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A project's ordered routing rules, replaced as a whole (validated before the command). Its events stay in the
 * payment service's event store (never published to Kafka).
 */
@Aggregate
public class RoutingRules {

    @AggregateIdentifier
    private String routingRulesId;
    private List<RoutingRuleRecord> rules = List.of();

    protected RoutingRules() {
        // for Axon's event sourcing
    }

    /** Replacing with the same list records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReplaceRoutingRulesCommand command) {
        List<RoutingRuleRecord> replacement = command.rules().stream().map(RoutingRules::record).toList();
        if (routingRulesId != null && replacement.equals(rules)) {
            return;
        }
        apply(RoutingRulesReplacedEvent.newBuilder().setProjectId(command.projectId().value()).setRules(replacement)
                .setReplacedAt(command.at()).build());
    }

    @EventSourcingHandler
    void on(RoutingRulesReplacedEvent event) {
        routingRulesId = ReplaceRoutingRulesCommand.idOf(new ProjectId(event.getProjectId()));
        rules = List.copyOf(event.getRules());
    }

    static RoutingRuleRecord record(RoutingRule rule) {
        return RoutingRuleRecord.newBuilder().setRuleId(rule.id()).setName(rule.name())
                .setConditions(rule.conditions().stream().map(condition -> RoutingConditionRecord.newBuilder()
                        .setAttribute(condition.attribute()).setOperator(condition.operator())
                        .setValues(condition.values()).build()).toList())
                .setGatewayConfigurationIds(rule.gatewayConfigurationIds())
                .setFallbackOn(rule.fallbackOn().stream().map(Fallback::wire).sorted().toList())
                .setTags(rule.tags()).build();
    }
}
