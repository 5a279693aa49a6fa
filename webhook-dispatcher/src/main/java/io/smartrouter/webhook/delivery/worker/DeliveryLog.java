package io.smartrouter.webhook.delivery.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delivery log as the API shows it ({@code GET /events/{id}/webhooks}): per delivery its receiver, status
 * ({@code pending}, {@code sending}, {@code succeeded}, {@code dead} when dead-lettered, {@code cancelled} when its
 * endpoint was disabled or deleted), next attempt, and every attempt with its trigger, outcome, HTTP status, duration
 * and the start of the response body.
 */
@Component
public class DeliveryLog {

    private final Deliveries deliveries;
    private final JdbcTemplate jdbc;

    public DeliveryLog(Deliveries deliveries, JdbcTemplate jdbc) {
        this.deliveries = deliveries;
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> ofEvent(String eventId) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Deliveries.Delivery delivery : deliveries.ofEvent(eventId)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", delivery.id());
            view.put("event_id", delivery.eventId());
            view.put("endpoint_id", delivery.endpointId());
            view.put("invoice_id", delivery.invoiceId());
            // Held is pending to the merchant: due, waiting for room in its endpoint's lane.
            String status = Deliveries.HELD.equals(delivery.status()) ? Deliveries.PENDING : delivery.status();
            view.put("status", status);
            view.put("attempts_count", delivery.attempts());
            view.put("next_attempt_at", Deliveries.PENDING.equals(status) ? delivery.nextAttemptAt() : null);
            view.put("last_http_status", delivery.lastHttpStatus());
            view.put("created_at", delivery.createdAt());
            view.put("attempts", attempts(delivery.id()));
            shown.add(view);
        }
        return shown;
    }

    private List<Map<String, Object>> attempts(String deliveryId) {
        return jdbc.query("SELECT attempt, trigger_type, status, http_status, duration_ms, response_body, error, "
                + "attempted_at, next_attempt_at FROM webhook_attempt WHERE delivery_id = ? ORDER BY attempt",
                (row, index) -> {
                    Map<String, Object> attempt = new LinkedHashMap<>();
                    attempt.put("attempt", row.getInt("attempt"));
                    attempt.put("trigger", row.getString("trigger_type"));
                    attempt.put("status", row.getString("status"));
                    Number http = (Number) row.getObject("http_status");
                    attempt.put("http_status", http == null ? null : http.intValue());
                    attempt.put("duration_ms", row.getLong("duration_ms"));
                    attempt.put("response_body", row.getString("response_body"));
                    attempt.put("error", row.getString("error"));
                    attempt.put("attempted_at", Instant.ofEpochMilli(row.getLong("attempted_at")));
                    Number next = (Number) row.getObject("next_attempt_at");
                    attempt.put("next_attempt_at", next == null ? null : Instant.ofEpochMilli(next.longValue()));
                    return attempt;
                }, deliveryId);
    }
}
