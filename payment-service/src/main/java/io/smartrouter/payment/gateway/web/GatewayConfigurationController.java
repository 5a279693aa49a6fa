package io.smartrouter.payment.gateway.web;

import io.smartrouter.payment.connector.ConnectorFactories;
import io.smartrouter.payment.connector.ConnectorFactory;
import io.smartrouter.payment.gateway.api.CreateGatewayConfigurationCommand;
import io.smartrouter.payment.gateway.api.DeleteGatewayConfigurationCommand;
import io.smartrouter.payment.gateway.api.SealedSettings;
import io.smartrouter.payment.gateway.api.UpdateGatewayConfigurationCommand;
import io.smartrouter.payment.gateway.query.GatewayConfigurationView;
import io.smartrouter.payment.gateway.query.GatewayConfigurations;
import io.smartrouter.payment.gateway.settings.SettingsCipher;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.platform.web.Fields;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * API.md's gateway configurations, secret key only. Settings are validated by the chosen gateway's factory, sealed
 * here (they never enter a command, an event or a log in clear) and never answered.
 */
@RestController
class GatewayConfigurationController {

    static final String ID_PREFIX = "gway_conf_";
    private static final Pattern ID = Pattern.compile("gway_conf_[a-z2-7]{26}");
    private static final String RESOURCE = "gateway_configuration";

    private final ConnectorFactories factories;
    private final GatewayConfigurations configurations;
    private final SettingsCipher cipher;
    private final CommandGateway commands;
    private final Clock clock;

    GatewayConfigurationController(ConnectorFactories factories, GatewayConfigurations configurations,
            SettingsCipher cipher, CommandGateway commands, Clock clock) {
        this.factories = factories;
        this.configurations = configurations;
        this.cipher = cipher;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping(path = "/gateway-configurations", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> list(ProjectContext caller) {
        caller.requireSecretKey();
        return Blocking.call(() -> configurations.list(caller.projectId().value())).map(all -> {
            Map<String, Object> body = ApiResponses.of("gateway_configurations",
                    all.stream().map(GatewayConfigurationResponse::of).toList());
            body.put("has_more", false);
            return body;
        });
    }

    @GetMapping(path = "/gateway-configurations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> get(@PathVariable String id, ProjectContext caller) {
        caller.requireSecretKey();
        return find(caller, id).map(GatewayConfigurationController::body);
    }

    @PostMapping(path = "/gateway-configurations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> create(@RequestBody GatewayConfigurationRequest request, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        if (request.gateway() == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'gateway' is required");
        }
        ConnectorFactory factory = factories.find(request.gateway()).orElseThrow(() -> Fields.invalid("gateway",
                "must be one of " + String.join(", ", factories.gateways())));
        String name = Fields.required(request.name(), "name", Fields.MAX_TEXT);
        Map<String, String> settings = GatewayConfigurationRequest.validSettings(request.settings());
        settings = settings == null ? Map.of() : settings;
        factory.validate(settings);
        String id = Ids.newId(ID_PREFIX);
        SealedSettings sealed = cipher.seal(caller.projectId().value(), id, settings);
        var command = new CreateGatewayConfigurationCommand(id, caller.projectId(), factory.gateway(), name,
                request.enabled() == null || request.enabled(), sealed, clock.instant());
        return send(command, exchange, caller).then(find(caller, id)).map(GatewayConfigurationController::body);
    }

    @PutMapping(path = "/gateway-configurations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> update(@PathVariable String id, @RequestBody GatewayConfigurationRequest request,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        String name = Fields.optional(request.name(), "name", Fields.MAX_TEXT);
        Map<String, String> settings = GatewayConfigurationRequest.validSettings(request.settings());
        return find(caller, id).flatMap(current -> {
            if (request.gateway() != null && !request.gateway().equals(current.gateway())) {
                throw Fields.invalid("gateway", "cannot change; create another configuration for another gateway");
            }
            SealedSettings sealed = null;
            if (settings != null) {
                factories.find(current.gateway()).orElseThrow(() -> new IllegalStateException(
                        "No connector factory for gateway " + current.gateway())).validate(settings);
                sealed = cipher.seal(current.projectId(), current.id(), settings);
            }
            return send(new UpdateGatewayConfigurationCommand(id, caller.projectId(), name, request.enabled(), sealed,
                    clock.instant()), exchange, caller);
        }).then(find(caller, id)).map(GatewayConfigurationController::body);
    }

    @DeleteMapping(path = "/gateway-configurations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> delete(@PathVariable String id, ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        return find(caller, id)
                .flatMap(current -> send(new DeleteGatewayConfigurationCommand(id, caller.projectId(),
                        clock.instant()), exchange, caller))
                .then(Mono.fromCallable(() -> Map.<String, Object>of("success", true)));
    }

    private Mono<GatewayConfigurationView> find(ProjectContext caller, String id) {
        if (!ID.matcher(id).matches()) {
            return Mono.error(ApiException.notFound(RESOURCE, "(malformed)"));
        }
        return Blocking.call(() -> configurations.find(caller.projectId().value(), id))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(RESOURCE, id)));
    }

    private Mono<Object> send(Object command, ServerWebExchange exchange, ProjectContext caller) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(EventMetadata.forRequest(exchange, caller));
        return Blocking.future(() -> commands.send(message));
    }

    private static Map<String, Object> body(GatewayConfigurationView view) {
        return ApiResponses.of(RESOURCE, GatewayConfigurationResponse.of(view));
    }
}
