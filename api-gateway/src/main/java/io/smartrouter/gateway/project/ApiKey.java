package io.smartrouter.gateway.project;

import java.time.Instant;

/** A project's secret key as the admin API shows it: its id and dates, never the secret. */
public record ApiKey(String id, String projectId, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
