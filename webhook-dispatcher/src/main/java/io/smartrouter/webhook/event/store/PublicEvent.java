package io.smartrouter.webhook.event.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A public event ({@code ev_…}): its type, when it happened, and its {@code data} (JSON: {@code event_id},
 * {@code project_id} and the object as of the event). The id is the domain event's envelope id, so consuming the same
 * domain event twice yields the same public event.
 */
public record PublicEvent(String id, String projectId, String type, Instant occurredAt, String objectId,
        String invoiceId, String data) {

    /** The Standard Webhooks body, byte for byte the same on every attempt: {@code {type, timestamp, data}}. */
    public byte[] webhookBody() {
        return ("{\"type\":\"" + type + "\",\"timestamp\":\"" + occurredAt + "\",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
