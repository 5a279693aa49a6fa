package io.smartrouter.webhook.endpoint.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.ErrorCode;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.platform.web.Fields;
import io.smartrouter.platform.web.PageParameters;
import io.smartrouter.webhook.config.DispatcherProperties;
import io.smartrouter.webhook.delivery.security.UrlPolicy;
import io.smartrouter.webhook.delivery.signing.SigningSecret;
import io.smartrouter.webhook.endpoint.api.CreateWebhookEndpointCommand;
import io.smartrouter.webhook.endpoint.api.DeleteWebhookEndpointCommand;
import io.smartrouter.webhook.endpoint.api.EventTypes;
import io.smartrouter.webhook.endpoint.api.RotateWebhookEndpointSecretCommand;
import io.smartrouter.webhook.endpoint.api.UpdateWebhookEndpointCommand;
import io.smartrouter.webhook.endpoint.query.EndpointRecord;
import io.smartrouter.webhook.endpoint.query.WebhookEndpointRecords;
import io.smartrouter.webhook.replay.Replays;
import io.smartrouter.webhook.secret.InvoiceWebhookSecrets;
import io.smartrouter.webhook.secret.SigningSecrets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /webhook-endpoints}: every call needs the secret key and is scoped to the caller's project (another
 * project's endpoint is a 404). The signing secret is sealed and stored before the command that refers to it, and is
 * answered only by the calls that create or rotate it.
 */
@RestController
@RequestMapping(path = "/webhook-endpoints", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookEndpointController {

    static final String INVOICE_WEBHOOKS = "invoice-webhooks";

    private final CommandGateway commands;
    private final WebhookEndpointRecords endpoints;
    private final SigningSecrets secrets;
    private final InvoiceWebhookSecrets invoiceSecrets;
    private final UrlPolicy urls;
    private final Replays replays;
    private final DispatcherProperties properties;
    private final Clock clock;

    WebhookEndpointController(CommandGateway commands, WebhookEndpointRecords endpoints, SigningSecrets secrets,
            InvoiceWebhookSecrets invoiceSecrets, UrlPolicy urls, Replays replays, DispatcherProperties properties,
            Clock clock) {
        this.commands = commands;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.invoiceSecrets = invoiceSecrets;
        this.urls = urls;
        this.replays = replays;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> create(@RequestBody EndpointRequest request, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        var metadata = EventMetadata.forRequest(exchange, caller);
        return Blocking.call(() -> {
            String url = urls.check(request.url(), "url").toString();
            List<String> events = EventTypes.subscription(request.events() == null ? List.of(EventTypes.ALL)
                    : request.events(), "events");
            String description = Fields.optional(request.description(), "description", Fields.MAX_TEXT);
            WebhookEndpointId id = WebhookEndpointId.newId();
            SigningSecret secret = SigningSecret.generate();
            String secretId = secrets.store(secret, id.value());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateWebhookEndpointCommand(id,
                    caller.projectId(), url, events, description, request.enabled() == null || request.enabled(),
                    secretId, clock.instant())).andMetaData(metadata));
            return ApiResponses.of("webhook_endpoint", EndpointResponses.of(existing(caller.projectId(), id.value()),
                    secret.display()));
        });
    }

    @GetMapping
    Mono<Map<String, Object>> list(@RequestParam Map<String, String> parameters, ProjectContext caller) {
        caller.requireSecretKey();
        var page = PageParameters.parse(parameters, Set.of(), WebhookEndpointId::isWellFormed, "a webhook endpoint id");
        return Blocking.call(() -> {
            var result = endpoints.list(caller.projectId().value(), page);
            Map<String, Object> body = ApiResponses.of("webhook_endpoints",
                    result.endpoints().stream().map(endpoint -> EndpointResponses.of(endpoint, null)).toList());
            body.put("has_more", result.hasMore());
            return body;
        });
    }

    @GetMapping("/{endpointId}")
    Mono<Map<String, Object>> get(@PathVariable String endpointId, ProjectContext caller) {
        caller.requireSecretKey();
        return Blocking.call(() -> ApiResponses.of("webhook_endpoint",
                EndpointResponses.of(existing(caller.projectId(), endpointId), null)));
    }

    @PutMapping(path = "/{endpointId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> update(@PathVariable String endpointId, @RequestBody EndpointRequest request,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        var metadata = EventMetadata.forRequest(exchange, caller);
        return Blocking.call(() -> {
            EndpointRecord current = existing(caller.projectId(), endpointId);
            String url = request.url() == null ? current.url() : urls.check(request.url(), "url").toString();
            List<String> events = request.events() == null ? current.events()
                    : EventTypes.subscription(request.events(), "events");
            String description = request.description() == null ? current.description()
                    : Fields.optional(request.description(), "description", Fields.MAX_TEXT);
            boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new UpdateWebhookEndpointCommand(
                    new WebhookEndpointId(endpointId), caller.projectId(), url, events, description, enabled,
                    clock.instant())).andMetaData(metadata));
            return ApiResponses.of("webhook_endpoint", EndpointResponses.of(existing(caller.projectId(), endpointId),
                    null));
        });
    }

    @DeleteMapping("/{endpointId}")
    Mono<Map<String, Object>> delete(@PathVariable String endpointId, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        var metadata = EventMetadata.forRequest(exchange, caller);
        return Blocking.call(() -> {
            existing(caller.projectId(), endpointId);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DeleteWebhookEndpointCommand(
                    new WebhookEndpointId(endpointId), caller.projectId(), clock.instant())).andMetaData(metadata));
            return ApiResponses.of("deleted", true);
        });
    }

    /** A new secret, shown once; the old one keeps signing (both signatures are sent) for the configured overlap. */
    @PostMapping("/{endpointId}/rotate-secret")
    Mono<Map<String, Object>> rotateSecret(@PathVariable String endpointId, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        var metadata = EventMetadata.forRequest(exchange, caller);
        return Blocking.call(() -> {
            existing(caller.projectId(), endpointId);
            SigningSecret secret = SigningSecret.generate();
            String secretId = secrets.store(secret, endpointId);
            Instant now = clock.instant();
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RotateWebhookEndpointSecretCommand(
                    new WebhookEndpointId(endpointId), caller.projectId(), secretId,
                    now.plus(properties.secretOverlap()), now)).andMetaData(metadata));
            return ApiResponses.of("webhook_endpoint", EndpointResponses.of(existing(caller.projectId(), endpointId),
                    secret.display()));
        });
    }

    /** Redelivers every matching event of the range to this endpoint, with their original webhook-ids. */
    @PostMapping(path = "/{endpointId}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> replay(@PathVariable String endpointId, @RequestBody ReplayRequest request,
            ProjectContext caller) {
        caller.requireSecretKey();
        return Blocking.call(() -> {
            EndpointRecord endpoint = existing(caller.projectId(), endpointId);
            if (!endpoint.enabled()) {
                throw new ApiException(ErrorCode.of(
                        "request.webhook_endpoint.disabled", 409), "Enable the endpoint before replaying to it");
            }
            int scheduled = replays.replay(caller.projectId().value(), endpointId, request.filter());
            Map<String, Object> replay = new LinkedHashMap<>();
            replay.put("endpoint_id", endpointId);
            replay.put("deliveries", scheduled);
            return ApiResponses.of("replay", replay);
        });
    }

    /**
     * The secret that signs the deliveries to the project's invoices' own {@code webhook_url}s: made if there is none,
     * rotated otherwise (the previous one keeps signing for the overlap). Shown only here.
     */
    @PostMapping("/" + INVOICE_WEBHOOKS + "/rotate-secret")
    Mono<Map<String, Object>> rotateInvoiceWebhookSecret(ProjectContext caller) {
        caller.requireSecretKey();
        return Blocking.call(() -> {
            Instant now = clock.instant();
            SigningSecret secret = invoiceSecrets.rotate(caller.projectId().value(), now, properties.secretOverlap());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("secret", secret.display());
            body.put("previous_secret_expires_at", now.plus(properties.secretOverlap()));
            return ApiResponses.of("invoice_webhooks", body);
        });
    }

    private EndpointRecord existing(ProjectId project, String endpointId) {
        if (!WebhookEndpointId.isWellFormed(endpointId)) {
            throw ApiException.notFound("webhook_endpoint", "(malformed)");
        }
        return endpoints.find(project.value(), endpointId)
                .orElseThrow(() -> ApiException.notFound("webhook_endpoint", endpointId));
    }
}
