package io.smartrouter.payment.gateway.query;

import java.time.Instant;
import java.util.List;

/** A gateway configuration without its settings (only their names and fingerprint). */
public record GatewayConfigurationView(String id, String projectId, String gateway, String name, boolean enabled,
        boolean deleted, List<String> settingsKeys, String settingsFingerprint, Instant createdAt, Instant updatedAt) {

    public GatewayConfigurationView {
        settingsKeys = List.copyOf(settingsKeys);
    }
}
