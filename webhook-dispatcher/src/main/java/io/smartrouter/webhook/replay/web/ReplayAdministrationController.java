package io.smartrouter.webhook.replay.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.webhook.endpoint.query.WebhookEndpointRecords;
import io.smartrouter.webhook.endpoint.web.ReplayRequest;
import io.smartrouter.webhook.replay.Replays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The SREs' replay ({@code make webhook-replay}, {@code deploy/bin/webhook-replay.sh} signs the call with the service
 * secret): every public event of a time range, of one project or all, to one endpoint or to every current receiver.
 * Unreachable through the gateway.
 */
@RestController
@RequestMapping(path = "/internal/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class ReplayAdministrationController {

    private final Replays replays;
    private final WebhookEndpointRecords endpoints;

    ReplayAdministrationController(Replays replays, WebhookEndpointRecords endpoints) {
        this.replays = replays;
        this.endpoints = endpoints;
    }

    /** {@code {since*, until?, project_id?, endpoint_id?, events?}}; an endpoint needs its project. */
    @PostMapping(path = "/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> replay(@RequestBody OperatorReplayRequest request, ProjectContext caller) {
        caller.requireInternalCaller();
        var filter = ReplayRequest.filter(request.since(), request.until(), request.events());
        if (request.projectId() != null && !ProjectId.isWellFormed(request.projectId())) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD, "Field 'project_id' is not a project id");
        }
        if (request.endpointId() != null && (request.projectId() == null
                || !WebhookEndpointId.isWellFormed(request.endpointId()))) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD,
                    "Field 'endpoint_id' must be a webhook endpoint id, given with its 'project_id'");
        }
        return Blocking.call(() -> {
            if (request.endpointId() != null && endpoints.find(request.projectId(), request.endpointId()).isEmpty()) {
                throw ApiException.notFound("webhook_endpoint", request.endpointId());
            }
            Map<String, Object> replay = new LinkedHashMap<>();
            replay.put("project_id", request.projectId());
            replay.put("endpoint_id", request.endpointId());
            replay.put("deliveries", replays.replay(request.projectId(), request.endpointId(), filter));
            return ApiResponses.of("replay", replay);
        });
    }

    /** The operator's replay request. */
    record OperatorReplayRequest(String since, String until, String projectId, String endpointId, List<String> events) {
    }
}
