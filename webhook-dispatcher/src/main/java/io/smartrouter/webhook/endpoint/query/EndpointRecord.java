package io.smartrouter.webhook.endpoint.query;

import java.time.Instant;
import java.util.List;

/** An endpoint as the read model keeps it. Never holds a secret, only the ids of sealed ones. */
public record EndpointRecord(String endpointId, String projectId, String url, List<String> events, String description,
        boolean enabled, String disabledReason, String secretId, String previousSecretId, Instant previousExpiresAt,
        Instant failingSince, boolean deleted, Instant createdAt, Instant updatedAt) {

    public EndpointRecord {
        events = List.copyOf(events);
    }

    /** The secrets that sign now: the current one, and the previous one during the rotation overlap. */
    public List<String> signingSecretIds(Instant now) {
        return previousSecretId != null && previousExpiresAt != null && now.isBefore(previousExpiresAt)
                ? List.of(secretId, previousSecretId) : List.of(secretId);
    }
}
