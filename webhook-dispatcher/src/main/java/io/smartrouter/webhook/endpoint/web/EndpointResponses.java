package io.smartrouter.webhook.endpoint.web;

import io.smartrouter.webhook.endpoint.query.EndpointRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** An endpoint as the API shows it; the secret only in the responses that create or rotate it. */
final class EndpointResponses {

    private EndpointResponses() {
    }

    static Map<String, Object> of(EndpointRecord endpoint, String shownSecret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", endpoint.endpointId());
        body.put("project_id", endpoint.projectId());
        body.put("url", endpoint.url());
        body.put("events", endpoint.events());
        body.put("description", endpoint.description());
        body.put("enabled", endpoint.enabled());
        body.put("disabled_reason", endpoint.enabled() ? null : endpoint.disabledReason());
        if (shownSecret != null) {
            body.put("secret", shownSecret);
        }
        body.put("previous_secret_expires_at", endpoint.previousExpiresAt());
        body.put("created_at", endpoint.createdAt());
        body.put("updated_at", endpoint.updatedAt());
        return body;
    }
}
