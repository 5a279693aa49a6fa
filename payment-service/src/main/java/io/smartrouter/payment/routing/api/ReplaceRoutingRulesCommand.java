package io.smartrouter.payment.routing.api;

import io.smartrouter.platform.id.ProjectId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a project's whole ordered list of (validated) rules. */
public record ReplaceRoutingRulesCommand(@TargetAggregateIdentifier String routingRulesId, ProjectId projectId,
        List<RoutingRule> rules, Instant at) {

    public ReplaceRoutingRulesCommand {
        rules = List.copyOf(rules);
    }

    /** The rules aggregate of a project: one per project, its id derived from the project's. */
    public static String idOf(ProjectId projectId) {
        return "routing-rules:" + projectId.value();
    }
}
