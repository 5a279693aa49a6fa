package io.smartrouter.webhook.delivery.worker;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.webhook.event.store.PublicEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable schedule of deliveries (table {@code webhook_delivery}): one row per public event and receiver, due at
 * {@code next_attempt_at}. The worker claims due rows ({@code sending}, with a lease); a claim whose worker died is
 * due again once its lease ran out, so a crash mid-delivery loses nothing and the redelivery has the same
 * {@code webhook-id}. Due rows of a lane at its concurrency limit are {@code held}: set aside, oldest first, for when
 * the lane has room, so that the search for due rows never wades through a slow receiver's backlog (the API shows
 * them as {@code pending}).
 */
@Component
public class Deliveries {

    public static final String PENDING = "pending";
    public static final String HELD = "held";
    public static final String SENDING = "sending";
    public static final String SUCCEEDED = "succeeded";
    public static final String DEAD = "dead";
    public static final String CANCELLED = "cancelled";
    public static final String AUTOMATIC = "automatic";
    public static final String MANUAL = "manual";
    static final String PREFIX = "whd_";
    private static final String COLUMNS = "delivery_id, event_id, project_id, receiver, endpoint_id, invoice_id, url, "
            + "lane, status, attempts, round_attempts, trigger_type, next_attempt_at, last_http_status, created_at";
    private static final RowMapper<Delivery> ROW = Deliveries::read;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public Deliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Schedules {@code event} to each receiver at {@code dueAt}, in the caller's transaction. A receiver that already
     * has this event is re-armed for a manual (re)delivery, and left alone for an
     * automatic one (the same domain event consumed twice); one being sent right now is sent once more after that
     * attempt. Answers how many deliveries were scheduled.
     */
    public int schedule(PublicEvent event, List<Receiver> receivers, String trigger, Instant dueAt) {
        int scheduled = 0;
        long at = dueAt.toEpochMilli();
        for (Receiver receiver : receivers) {
            if (MANUAL.equals(trigger)) {
                // One statement for both cases, so that it sees the row as it is when it gets its lock: with two (re-arm
                // unless sending; else flag), an attempt recorded between them made both miss and the redelivery was lost.
                // Being sent right now: only flagged, and sent once more after this attempt (the recorder re-arms it).
                int rearmed = jdbc.update("UPDATE webhook_delivery SET rearm = (status = ?), "
                        + "status = CASE WHEN status = ? THEN status ELSE ? END, "
                        + "round_attempts = CASE WHEN status = ? THEN round_attempts ELSE 0 END, "
                        + "trigger_type = CASE WHEN status = ? THEN trigger_type ELSE ? END, "
                        + "next_attempt_at = CASE WHEN status = ? THEN next_attempt_at ELSE ? END, "
                        + "url = CASE WHEN status = ? THEN url ELSE COALESCE(?, url) END, updated_at = ? "
                        + "WHERE event_id = ? AND receiver = ?", SENDING, SENDING, PENDING, SENDING, SENDING, MANUAL,
                        SENDING, at, SENDING, receiver.url(), at, event.id(), receiver.key());
                if (rearmed > 0) {
                    scheduled++;
                    continue;
                }
            }
            Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE event_id = ? "
                    + "AND receiver = ?", Integer.class, event.id(), receiver.key());
            if (existing != null && existing > 0) {
                continue;
            }
            jdbc.update("INSERT INTO webhook_delivery (delivery_id, event_id, project_id, receiver, endpoint_id, "
                    + "invoice_id, url, lane, status, attempts, round_attempts, trigger_type, next_attempt_at, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)",
                    PREFIX + Ids.random(), event.id(), event.projectId(), receiver.key(), receiver.endpointId(),
                    receiver.invoiceId(), receiver.url(), receiver.lane(), PENDING, trigger, at, at, at);
            scheduled++;
        }
        return scheduled;
    }

    /** Due deliveries, oldest first, outside the busy lanes (not claimed yet: see {@link #claim}). */
    public List<Delivery> due(Instant now, int limit, Collection<String> busyLanes) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("status", PENDING)
                .addValue("now", now.toEpochMilli());
        String busy = "";
        if (!busyLanes.isEmpty()) {
            busy = " AND lane NOT IN (:busy)";
            parameters.addValue("busy", busyLanes);
        }
        // Ordered by the index's columns, so that H2 reads the index in order and stops at the limit: ordered by
        // next_attempt_at alone (the same order, status being fixed) it reads every due row and sorts them.
        return named.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE status = :status "
                + "AND next_attempt_at <= :now" + busy + " ORDER BY status, next_attempt_at LIMIT " + limit, parameters,
                ROW);
    }

    /** Sets aside the due deliveries of a lane at its concurrency limit; answers how many. */
    public int hold(String lane, Instant now) {
        return jdbc.update("UPDATE webhook_delivery SET status = ? WHERE status = ? AND lane = ? AND next_attempt_at <= ?",
                HELD, PENDING, lane, now.toEpochMilli());
    }

    /** The oldest {@code limit} held deliveries of a lane (not claimed yet: see {@link #claim}). */
    public List<Delivery> held(String lane, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE status = ? AND lane = ? "
                + "ORDER BY status, lane, next_attempt_at LIMIT " + limit, ROW, HELD, lane);
    }

    /** The lanes with held deliveries. */
    public List<String> heldLanes() {
        return jdbc.queryForList("SELECT DISTINCT lane FROM webhook_delivery WHERE status = ?", String.class, HELD);
    }

    /**
     * Claims due or held deliveries ({@code sending} with a lease until {@code leaseUntil}); answers those this call
     * claimed.
     */
    public List<Delivery> claim(List<Delivery> due, Instant leaseUntil) {
        List<Delivery> claimed = new ArrayList<>(due.size());
        if (due.isEmpty()) {
            return claimed;
        }
        int[] updated = jdbc.batchUpdate("UPDATE webhook_delivery SET status = ?, claimed_until = ? "
                + "WHERE delivery_id = ? AND status IN (?, ?)", due.stream().map(delivery -> new Object[] {
                    SENDING, leaseUntil.toEpochMilli(), delivery.id(), PENDING, HELD}).toList());
        for (int i = 0; i < due.size(); i++) {
            if (updated[i] != 0) {
                claimed.add(due.get(i));
            }
        }
        return claimed;
    }

    /** Claims left by a worker that died (or hung past its lease) are due again at once. */
    public int releaseExpiredClaims(Instant now) {
        return jdbc.update("UPDATE webhook_delivery SET status = ?, claimed_until = NULL WHERE status = ? "
                + "AND claimed_until < ?", PENDING, SENDING, now.toEpochMilli());
    }

    /** Gives a claimed delivery back without an attempt (it could not be tried, e.g. the worker is stopping). */
    public void release(String deliveryId) {
        jdbc.update("UPDATE webhook_delivery SET status = ?, claimed_until = NULL WHERE delivery_id = ? AND status = ?",
                PENDING, deliveryId, SENDING);
    }

    /** A delivery not to be tried any more: its endpoint was disabled or deleted (a replay can still send it). */
    public void cancel(String deliveryId) {
        jdbc.update("UPDATE webhook_delivery SET status = ?, claimed_until = NULL WHERE delivery_id = ? AND status = ?",
                CANCELLED, deliveryId, SENDING);
    }

    /** The deliveries of one event, oldest first. */
    public List<Delivery> ofEvent(String eventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE event_id = ? ORDER BY created_at, "
                + "delivery_id", ROW, eventId);
    }

    private static Delivery read(ResultSet row, int index) throws SQLException {
        Number httpStatus = (Number) row.getObject("last_http_status");
        return new Delivery(row.getString("delivery_id"), row.getString("event_id"), row.getString("project_id"),
                row.getString("receiver"), row.getString("endpoint_id"), row.getString("invoice_id"),
                row.getString("url"), row.getString("lane"), row.getString("status"), row.getInt("attempts"),
                row.getInt("round_attempts"), row.getString("trigger_type"),
                Instant.ofEpochMilli(row.getLong("next_attempt_at")), httpStatus == null ? null : httpStatus.intValue(),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    /** A delivery row. {@code attempts} counts every attempt; {@code roundAttempts} those since the last (re)arming. */
    public record Delivery(String id, String eventId, String projectId, String receiver, String endpointId,
            String invoiceId, String url, String lane, String status, int attempts, int roundAttempts, String trigger,
            Instant nextAttemptAt, Integer lastHttpStatus, Instant createdAt) {
    }
}
