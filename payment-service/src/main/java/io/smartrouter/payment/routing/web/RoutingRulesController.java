package io.smartrouter.payment.routing.web;

import io.smartrouter.payment.gateway.query.GatewayConfigurationView;
import io.smartrouter.payment.gateway.query.GatewayConfigurations;
import io.smartrouter.payment.routing.api.Fallback;
import io.smartrouter.payment.routing.api.ReplaceRoutingRulesCommand;
import io.smartrouter.payment.routing.api.RoutingRule;
import io.smartrouter.payment.routing.query.RoutingRuleSets;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** API.md's routing rules of a project, secret key only: read them, or replace the whole ordered list. */
@RestController
class RoutingRulesController {

    private final RoutingRuleSets ruleSets;
    private final GatewayConfigurations configurations;
    private final CommandGateway commands;
    private final Clock clock;

    RoutingRulesController(RoutingRuleSets ruleSets, GatewayConfigurations configurations, CommandGateway commands,
            Clock clock) {
        this.ruleSets = ruleSets;
        this.configurations = configurations;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping(path = "/routing-rules", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> get(ProjectContext caller) {
        caller.requireSecretKey();
        return Blocking.call(() -> ruleSets.rules(caller.projectId().value())).map(RoutingRulesController::body);
    }

    @PutMapping(path = "/routing-rules", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> replace(@RequestBody RoutingRulesRequest request, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        return Blocking.call(() -> configurations.list(caller.projectId().value()).stream()
                        .map(GatewayConfigurationView::id).collect(Collectors.toSet()))
                .map(ids -> RoutingRuleValidation.validate(request, caller.projectId(), ids))
                .flatMap(rules -> {
                    var command = new ReplaceRoutingRulesCommand(ReplaceRoutingRulesCommand.idOf(caller.projectId()),
                            caller.projectId(), rules, clock.instant());
                    var message = GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(EventMetadata.forRequest(exchange, caller));
                    return Blocking.future(() -> commands.send(message));
                })
                .then(Blocking.call(() -> ruleSets.rules(caller.projectId().value())))
                .map(RoutingRulesController::body);
    }

    private static Map<String, Object> body(List<RoutingRule> rules) {
        return ApiResponses.of("rules", rules.stream().map(RuleResponse::of).toList());
    }

    /** A rule as API.md shows it: {@code value} a string, or a list for {@code in}. */
    record RuleResponse(String id, String name, List<ConditionResponse> conditions,
            List<String> gatewayConfigurationIds, List<String> fallbackOn, List<String> tags) {

        static RuleResponse of(RoutingRule rule) {
            return new RuleResponse(rule.id(), rule.name(), rule.conditions().stream()
                    .map(condition -> new ConditionResponse(condition.attribute(), condition.operator(),
                            condition.operator().equals("in") ? condition.values() : condition.values().get(0)))
                    .toList(), rule.gatewayConfigurationIds(),
                    rule.fallbackOn().stream().map(Fallback::wire).sorted().toList(), rule.tags());
        }
    }

    record ConditionResponse(String attribute, String operator, Object value) {
    }
}
