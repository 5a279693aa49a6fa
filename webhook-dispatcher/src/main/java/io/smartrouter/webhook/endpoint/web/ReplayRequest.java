package io.smartrouter.webhook.endpoint.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.Fields;
import io.smartrouter.webhook.endpoint.api.EventTypes;
import io.smartrouter.webhook.event.store.PublicEventStore;
import java.time.Instant;
import java.util.List;

/** {@code POST /webhook-endpoints/{id}/replay}: {@code since}* and {@code until} (RFC 3339), {@code events}. */
public record ReplayRequest(String since, String until, List<String> events) {

    /** The events to replay; 400 for a missing or inverted range or an unknown type. */
    public PublicEventStore.EventFilter filter() {
        return filter(since, until, events);
    }

    public static PublicEventStore.EventFilter filter(String since, String until, List<String> events) {
        Instant from = Fields.timestamp(Fields.required(since, "since", 64), "since");
        Instant to = Fields.timestamp(until, "until");
        if (to != null && !to.isAfter(from)) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD, "Field 'until' must be after 'since'");
        }
        List<String> types = events == null ? List.of() : EventTypes.subscription(events, "events");
        return new PublicEventStore.EventFilter(types.contains(EventTypes.ALL) ? List.of() : types, from, to);
    }
}
