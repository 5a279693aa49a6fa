package io.smartrouter.payment.gateway.web;

import io.smartrouter.payment.gateway.query.GatewayConfigurationView;
import java.time.Instant;
import java.util.List;

/** A gateway configuration as the API shows it: never its settings, only their names and a keyed fingerprint. */
record GatewayConfigurationResponse(String id, String projectId, String gateway, String name, boolean enabled,
        List<String> settingsKeys, String settingsFingerprint, Instant createdAt, Instant updatedAt) {

    static GatewayConfigurationResponse of(GatewayConfigurationView view) {
        return new GatewayConfigurationResponse(view.id(), view.projectId(), view.gateway(), view.name(),
                view.enabled(), view.settingsKeys(), view.settingsFingerprint(), view.createdAt(), view.updatedAt());
    }
}
