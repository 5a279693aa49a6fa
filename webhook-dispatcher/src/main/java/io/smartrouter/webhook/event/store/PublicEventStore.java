package io.smartrouter.webhook.event.store;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.PageParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The public events in table {@code public_event}, listed in the order they were recorded. */
@Component
public class PublicEventStore {

    private static final String COLUMNS = "event_id, seq, project_id, type, occurred_at, object_id, invoice_id, data";
    private static final RowMapper<PublicEvent> ROW = PublicEventStore::read;

    private final JdbcTemplate jdbc;

    public PublicEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event unless one with its id exists; answers whether it was new. Runs in the caller's transaction. */
    public boolean insert(PublicEvent event) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM public_event WHERE event_id = ?", Integer.class,
                event.id());
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("INSERT INTO public_event (event_id, project_id, type, occurred_at, object_id, invoice_id, data) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", event.id(), event.projectId(), event.type(),
                event.occurredAt().toEpochMilli(), event.objectId(), event.invoiceId(), event.data());
        return true;
    }

    /** One of the project's events; another project's is not found. */
    public Optional<PublicEvent> find(String projectId, String eventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM public_event WHERE event_id = ? AND project_id = ?", ROW,
                eventId, projectId).stream().findFirst();
    }

    /** Any project's event (the worker and the operator's replay). */
    public Optional<PublicEvent> find(String eventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM public_event WHERE event_id = ?", ROW, eventId).stream()
                .findFirst();
    }

    public List<PublicEvent> findAll(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(eventIds.size(), "?"));
        return jdbc.query("SELECT " + COLUMNS + " FROM public_event WHERE event_id IN (" + marks + ")", ROW,
                eventIds.toArray());
    }

    /**
     * A page of the project's events, newest first by default, optionally of some types and within a time range.
     */
    public EventPage list(String projectId, EventFilter filter, PageParameters page) {
        String cursorId = page.startAfter() != null ? page.startAfter() : page.endBefore();
        Long cursor = null;
        if (cursorId != null) {
            cursor = jdbc.queryForList("SELECT seq FROM public_event WHERE event_id = ? AND project_id = ?", Long.class,
                    cursorId, projectId).stream().findFirst().orElseThrow(() -> new ApiException(
                            PlatformErrorCode.INVALID_FIELD, "The pagination cursor is not an event of this project"));
        }
        boolean backwards = page.endBefore() != null;
        boolean ascending = page.ascending() != backwards;
        List<Object> arguments = new ArrayList<>(List.of(projectId));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM public_event WHERE project_id = ?");
        filter.appendTo(sql, arguments);
        if (cursor != null) {
            sql.append(ascending ? " AND seq > ?" : " AND seq < ?");
            arguments.add(cursor);
        }
        // Led by the project, as the index is: H2 then reads the index in order and stops at the page's end (ordered
        // by seq alone it reads and sorts every event of the project for each page).
        String direction = ascending ? " ASC" : " DESC";
        sql.append(" ORDER BY project_id").append(direction).append(", seq").append(direction).append(" LIMIT ")
                .append(page.limit() + 1);
        List<PublicEvent> rows = new ArrayList<>(jdbc.query(sql.toString(), ROW, arguments.toArray()));
        boolean hasMore = rows.size() > page.limit();
        List<PublicEvent> shown = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())));
        if (backwards) {
            Collections.reverse(shown);
        }
        return new EventPage(shown, hasMore);
    }

    /**
     * Events in a time range in recorded order, {@code limit} at a time after {@code afterSeq} (replays walk the whole
     * range page by page). {@code projectId} null means every project.
     */
    public List<Sequenced> range(String projectId, EventFilter filter, long afterSeq, int limit) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM public_event WHERE seq > ?");
        arguments.add(afterSeq);
        if (projectId != null) {
            sql.append(" AND project_id = ?");
            arguments.add(projectId);
        }
        filter.appendTo(sql, arguments);
        sql.append(" ORDER BY seq ASC LIMIT ").append(limit);
        return jdbc.query(sql.toString(), (row, index) -> new Sequenced(row.getLong("seq"), read(row, index)),
                arguments.toArray());
    }

    private static PublicEvent read(ResultSet row, int index) throws SQLException {
        return new PublicEvent(row.getString("event_id"), row.getString("project_id"), row.getString("type"),
                Instant.ofEpochMilli(row.getLong("occurred_at")), row.getString("object_id"),
                row.getString("invoice_id"), row.getString("data"));
    }

    /** Which events: some types (all when empty), occurred at or after {@code since}, before {@code until}. */
    public record EventFilter(List<String> types, Instant since, Instant until) {

        public EventFilter {
            types = types == null ? List.of() : List.copyOf(types);
        }

        void appendTo(StringBuilder sql, List<Object> arguments) {
            if (!types.isEmpty()) {
                sql.append(" AND type IN (").append(String.join(",", Collections.nCopies(types.size(), "?"))).append(")");
                arguments.addAll(types);
            }
            if (since != null) {
                sql.append(" AND occurred_at >= ?");
                arguments.add(since.toEpochMilli());
            }
            if (until != null) {
                sql.append(" AND occurred_at < ?");
                arguments.add(until.toEpochMilli());
            }
        }
    }

    /** A page of events. */
    public record EventPage(List<PublicEvent> events, boolean hasMore) {
    }

    /** An event and its position in the store. */
    public record Sequenced(long seq, PublicEvent event) {
    }
}
