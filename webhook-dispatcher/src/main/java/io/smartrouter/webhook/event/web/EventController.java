package io.smartrouter.webhook.event.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.platform.web.Fields;
import io.smartrouter.platform.web.PageParameters;
import io.smartrouter.webhook.delivery.worker.DeliveryLog;
import io.smartrouter.webhook.endpoint.api.EventTypes;
import io.smartrouter.webhook.event.store.PublicEvent;
import io.smartrouter.webhook.event.store.PublicEventStore;
import io.smartrouter.webhook.replay.Replays;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /events}: the project's public events, newest first, filtered by {@code type} (one or comma-separated) and a
 * {@code since} / {@code until} time range; one event; its deliveries and their attempts; and a resend. Secret key
 * only; another project's event is a 404.
 */
@RestController
@RequestMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
class EventController {

    private static final Pattern EVENT_ID = Pattern.compile("ev_[a-z2-7]{26}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PublicEventStore events;
    private final DeliveryLog deliveryLog;
    private final Replays replays;

    EventController(PublicEventStore events, DeliveryLog deliveryLog, Replays replays) {
        this.events = events;
        this.deliveryLog = deliveryLog;
        this.replays = replays;
    }

    @GetMapping
    Mono<Map<String, Object>> list(@RequestParam Map<String, String> parameters, ProjectContext caller) {
        caller.requireSecretKey();
        var page = PageParameters.parse(parameters, Set.of("type", "since", "until"),
                id -> EVENT_ID.matcher(id).matches(), "an event id");
        String type = parameters.get("type");
        List<String> types = type == null ? List.of() : EventTypes.subscription(Arrays.asList(type.split(",")), "type");
        Instant since = Fields.timestamp(parameters.get("since"), "since");
        Instant until = Fields.timestamp(parameters.get("until"), "until");
        var filter = new PublicEventStore.EventFilter(types.contains(EventTypes.ALL) ? List.of() : types, since, until);
        return Blocking.call(() -> {
            var result = events.list(caller.projectId().value(), filter, page);
            Map<String, Object> body = ApiResponses.of("events", result.events().stream().map(EventController::view)
                    .toList());
            body.put("has_more", result.hasMore());
            return body;
        });
    }

    @GetMapping("/{eventId}")
    Mono<Map<String, Object>> get(@PathVariable String eventId, ProjectContext caller) {
        caller.requireSecretKey();
        return Blocking.call(() -> ApiResponses.of("event", view(existing(caller.projectId(), eventId))));
    }

    /** The delivery log of one event: each delivery (to an endpoint or the invoice's URL) and its attempts. */
    @GetMapping("/{eventId}/webhooks")
    Mono<Map<String, Object>> webhooks(@PathVariable String eventId, ProjectContext caller) {
        caller.requireSecretKey();
        return Blocking.call(() -> {
            existing(caller.projectId(), eventId);
            Map<String, Object> body = ApiResponses.of("webhooks", deliveryLog.ofEvent(eventId));
            body.put("has_more", false);
            return body;
        });
    }

    @PostMapping("/{eventId}/resend")
    Mono<Map<String, Object>> resend(@PathVariable String eventId, ProjectContext caller) {
        caller.requireSecretKey();
        return Blocking.call(() -> {
            PublicEvent event = existing(caller.projectId(), eventId);
            Map<String, Object> resend = new LinkedHashMap<>();
            resend.put("event_id", eventId);
            resend.put("deliveries", replays.resend(event));
            return ApiResponses.of("resend", resend);
        });
    }

    private PublicEvent existing(ProjectId project, String eventId) {
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw ApiException.notFound("event", "(malformed)");
        }
        return events.find(project.value(), eventId).orElseThrow(() -> ApiException.notFound("event", eventId));
    }

    static Map<String, Object> view(PublicEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", event.id());
        view.put("type", event.type());
        view.put("project_id", event.projectId());
        view.put("created_at", event.occurredAt());
        view.put("data", JSON.readTree(event.data()));
        return view;
    }
}
