package io.smartrouter.webhook.endpoint.query;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.PageParameters;
import io.smartrouter.schemas.webhook.WebhookEndpointCreatedEvent;
import io.smartrouter.schemas.webhook.WebhookEndpointDeletedEvent;
import io.smartrouter.schemas.webhook.WebhookEndpointDisabledEvent;
import io.smartrouter.schemas.webhook.WebhookEndpointSecretRotatedEvent;
import io.smartrouter.schemas.webhook.WebhookEndpointUpdatedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The endpoint read model, kept in the command's transaction (a subscribing processor, see application.yml), and the
 * endpoint health the delivery worker records next to it ({@code failing_since}).
 */
@Component
@ProcessingGroup(WebhookEndpointRecords.PROCESSING_GROUP)
public class WebhookEndpointRecords {

    public static final String PROCESSING_GROUP = "webhook-endpoints";
    private static final String COLUMNS = "endpoint_id, project_id, url, events, description, enabled, disabled_reason, "
            + "secret_id, previous_secret_id, previous_expires_at, failing_since, deleted, created_at, updated_at";
    private static final RowMapper<EndpointRecord> ROW = WebhookEndpointRecords::read;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public WebhookEndpointRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @EventHandler
    void on(WebhookEndpointCreatedEvent event) {
        long at = event.getCreatedAt().toEpochMilli();
        jdbc.update("INSERT INTO webhook_endpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, NULL, "
                + "FALSE, ?, ?)", event.getEndpointId(), event.getProjectId(), event.getUrl(), join(event.getEvents()),
                event.getDescription(), event.getEnabled(), event.getSecretId(), at, at);
    }

    /** Re-enabling clears the disabled reason and restarts the failure clock. */
    @EventHandler
    void on(WebhookEndpointUpdatedEvent event) {
        jdbc.update("UPDATE webhook_endpoint SET url = ?, events = ?, description = ?, enabled = ?, "
                + "disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END, "
                + "failing_since = CASE WHEN ? AND enabled = FALSE THEN NULL ELSE failing_since END, updated_at = ? "
                + "WHERE endpoint_id = ?", event.getUrl(), join(event.getEvents()), event.getDescription(),
                event.getEnabled(), event.getEnabled(), event.getEnabled(), event.getUpdatedAt().toEpochMilli(),
                event.getEndpointId());
    }

    @EventHandler
    void on(WebhookEndpointSecretRotatedEvent event) {
        jdbc.update("UPDATE webhook_endpoint SET secret_id = ?, previous_secret_id = ?, previous_expires_at = ?, "
                + "updated_at = ? WHERE endpoint_id = ?", event.getSecretId(), event.getPreviousSecretId(),
                event.getPreviousSecretExpiresAt().toEpochMilli(), event.getRotatedAt().toEpochMilli(),
                event.getEndpointId());
    }

    @EventHandler
    void on(WebhookEndpointDisabledEvent event) {
        jdbc.update("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = ?, updated_at = ? "
                + "WHERE endpoint_id = ?", event.getReason(), event.getDisabledAt().toEpochMilli(),
                event.getEndpointId());
    }

    @EventHandler
    void on(WebhookEndpointDeletedEvent event) {
        jdbc.update("UPDATE webhook_endpoint SET deleted = TRUE, enabled = FALSE, updated_at = ? WHERE endpoint_id = ?",
                event.getDeletedAt().toEpochMilli(), event.getEndpointId());
    }

    /** A live (not deleted) endpoint of the project. */
    public Optional<EndpointRecord> find(String projectId, String endpointId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE endpoint_id = ? AND project_id = ? "
                + "AND deleted = FALSE", ROW, endpointId, projectId).stream().findFirst();
    }

    /** Endpoints by id, deleted ones included (the worker decides what to do with them). */
    public Map<String, EndpointRecord> byIds(Collection<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return Map.of();
        }
        return named.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE endpoint_id IN (:ids)",
                new MapSqlParameterSource("ids", endpointIds), ROW).stream()
                .collect(Collectors.toMap(EndpointRecord::endpointId, Function.identity()));
    }

    /** The project's enabled endpoints (all projects' when {@code projectId} is null). */
    public List<EndpointRecord> enabled(String projectId) {
        return projectId == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE enabled = TRUE AND deleted = FALSE", ROW)
                : jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE project_id = ? AND enabled = TRUE "
                        + "AND deleted = FALSE", ROW, projectId);
    }

    /** Cursor pagination over the project's live endpoints, by (created_at, endpoint_id). */
    public EndpointPage list(String projectId, PageParameters page) {
        String cursorId = page.startAfter() != null ? page.startAfter() : page.endBefore();
        EndpointRecord cursor = null;
        if (cursorId != null) {
            cursor = find(projectId, cursorId).orElseThrow(() -> new ApiException(PlatformErrorCode.INVALID_FIELD,
                    "The pagination cursor is not a webhook endpoint of this project"));
        }
        boolean backwards = page.endBefore() != null;
        boolean ascending = page.ascending() != backwards;
        String beyond = ascending ? ">" : "<";
        String direction = ascending ? " ASC" : " DESC";
        List<Object> arguments = new ArrayList<>(List.of(projectId));
        String sql = "SELECT " + COLUMNS + " FROM webhook_endpoint WHERE project_id = ? AND deleted = FALSE";
        if (cursor != null) {
            sql += " AND (created_at " + beyond + " ? OR (created_at = ? AND endpoint_id " + beyond + " ?))";
            arguments.addAll(List.of(cursor.createdAt().toEpochMilli(), cursor.createdAt().toEpochMilli(),
                    cursor.endpointId()));
        }
        sql += " ORDER BY created_at" + direction + ", endpoint_id" + direction + " LIMIT " + (page.limit() + 1);
        List<EndpointRecord> rows = new ArrayList<>(jdbc.query(sql, ROW, arguments.toArray()));
        boolean hasMore = rows.size() > page.limit();
        List<EndpointRecord> shown = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())));
        if (backwards) {
            Collections.reverse(shown);
        }
        return new EndpointPage(shown, hasMore);
    }

    /** Records a failed delivery: starts the failure clock if it is not running, and answers since when it runs. */
    public Optional<Instant> recordFailure(String endpointId, Instant at) {
        jdbc.update("UPDATE webhook_endpoint SET failing_since = ? WHERE endpoint_id = ? AND failing_since IS NULL",
                at.toEpochMilli(), endpointId);
        return jdbc.queryForList("SELECT failing_since FROM webhook_endpoint WHERE endpoint_id = ?", Long.class,
                endpointId).stream().filter(since -> since != null).findFirst().map(Instant::ofEpochMilli);
    }

    /** Records a successful delivery: the endpoint is healthy again. */
    public void recordSuccess(String endpointId) {
        jdbc.update("UPDATE webhook_endpoint SET failing_since = NULL WHERE endpoint_id = ? AND failing_since IS NOT NULL",
                endpointId);
    }

    static String join(List<String> events) {
        return String.join(",", events);
    }

    private static EndpointRecord read(ResultSet row, int index) throws SQLException {
        return new EndpointRecord(row.getString("endpoint_id"), row.getString("project_id"), row.getString("url"),
                Arrays.asList(row.getString("events").split(",")), row.getString("description"),
                row.getBoolean("enabled"), row.getString("disabled_reason"), row.getString("secret_id"),
                row.getString("previous_secret_id"), instant(row, "previous_expires_at"), instant(row, "failing_since"),
                row.getBoolean("deleted"), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /** One page of endpoints. */
    public record EndpointPage(List<EndpointRecord> endpoints, boolean hasMore) {
    }
}
