package io.smartrouter.gateway.idempotency;

import io.smartrouter.platform.id.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency keys in the gateway's database, shared by every instance. The table's primary key (project, key) decides
 * which of several concurrent requests runs: the one whose insert succeeds. Each run has an owner token and a lease;
 * a run whose lease expired (its gateway crashed, or the service's answer never came) may be taken over by a retry.
 * Blocking (JDBC): call it through {@code Blocking}.
 */
public class IdempotencyStore {

    private static final String IN_PROGRESS = "in-progress";
    private static final String COMPLETED = "completed";
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;

    public IdempotencyStore(JdbcClient jdbc, Clock clock, Duration retention, Duration lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
    }

    /** Claims the key for a request with this fingerprint, or says why it cannot run. */
    public Claim claim(String projectId, String key, String requestHash) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long now = clock.millis();
            String owner = Ids.random();
            try {
                jdbc.sql("INSERT INTO gateway_idempotency_key (project_id, idempotency_key, request_hash, owner, state, "
                                + "lease_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(projectId, key, requestHash, owner, IN_PROGRESS, now + lease.toMillis(), now).update();
                return new Claim.Run(owner);
            } catch (DuplicateKeyException taken) {
                // someone used the key before: look at what they left
            }
            Optional<Row> found = find(projectId, key);
            if (found.isEmpty()) {
                continue;
            }
            Row row = found.get();
            boolean expired = row.createdAt() < now - retention.toMillis();
            if (!expired && !row.requestHash().equals(requestHash)) {
                return new Claim.KeyReused();
            }
            if (!expired && row.state().equals(COMPLETED)) {
                return new Claim.Replay(new StoredResponse(row.status(), row.contentType(), row.body()));
            }
            if (!expired && row.leaseUntil() > now) {
                return new Claim.InProgress();
            }
            // An expired key, or a run whose lease ran out: take it over unless another retry just did.
            int taken = jdbc.sql("UPDATE gateway_idempotency_key SET request_hash = ?, owner = ?, state = ?, lease_until = ?, "
                            + "created_at = ?, status = NULL, content_type = NULL, body = NULL "
                            + "WHERE project_id = ? AND idempotency_key = ? AND owner = ?")
                    .params(requestHash, owner, IN_PROGRESS, now + lease.toMillis(), expired ? now : row.createdAt(),
                            projectId, key, row.owner()).update();
            if (taken == 1) {
                return new Claim.Run(owner);
            }
        }
        return new Claim.InProgress();
    }

    /** Keeps the answer for replays. False when the run lost its lease to a retry meanwhile. */
    public boolean complete(String projectId, String key, String owner, StoredResponse response) {
        return jdbc.sql("UPDATE gateway_idempotency_key SET state = ?, status = ?, content_type = ?, body = ? "
                        + "WHERE project_id = ? AND idempotency_key = ? AND owner = ?")
                .params(COMPLETED, response.status(), response.contentType(), response.body(), projectId, key, owner)
                .update() == 1;
    }

    /** Forgets the key, so that the same request may be sent again (it did not run, or failed without effect). */
    public void release(String projectId, String key, String owner) {
        jdbc.sql("DELETE FROM gateway_idempotency_key WHERE project_id = ? AND idempotency_key = ? AND owner = ?")
                .params(projectId, key, owner).update();
    }

    /** Deletes keys older than the retention; answers how many. */
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM gateway_idempotency_key WHERE created_at < ?")
                .param(clock.millis() - retention.toMillis()).update();
    }

    private Optional<Row> find(String projectId, String key) {
        return jdbc.sql("SELECT request_hash, owner, state, lease_until, created_at, status, content_type, body "
                        + "FROM gateway_idempotency_key WHERE project_id = ? AND idempotency_key = ?")
                .params(projectId, key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getInt(6), rs.getString(7), rs.getBytes(8)))
                .optional();
    }

    private record Row(String requestHash, String owner, String state, long leaseUntil, long createdAt, int status,
            String contentType, byte[] body) {
    }

    /** An answer kept for replay. */
    public record StoredResponse(int status, String contentType, byte[] body) {

        public StoredResponse {
            body = body == null ? new byte[0] : body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredResponse that && status == that.status
                    && Objects.equals(contentType, that.contentType) && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return 31 * status + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "StoredResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
        }
    }

    /** What a request with an idempotency key may do. */
    public sealed interface Claim {

        /** Run it; the owner token completes or releases the key afterwards. */
        record Run(String owner) implements Claim {
        }

        /** Answer what the first request got. */
        record Replay(StoredResponse response) implements Claim {
        }

        /** The first request with this key is still running. */
        record InProgress() implements Claim {
        }

        /** The key was used for a different request. */
        record KeyReused() implements Claim {
        }
    }
}
