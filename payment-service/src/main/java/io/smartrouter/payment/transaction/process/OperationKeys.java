package io.smartrouter.payment.transaction.process;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.IdempotencyKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The capture or refund a merchant's {@code Idempotency-Key} stands for. The gateway replays the answer it kept for a
 * key; this covers what it could not keep: a request whose answer never came back (the service or the gateway died
 * mid-request) and that is retried once the gateway's lease on the key has expired. The key names one id of each kind —
 * a capture's operation id, a refund's id, an authorization's or a sale's transaction id — claimed before it starts;
 * the transaction accepts each id once, so the retry finds the operation and answers it instead of capturing or
 * refunding again.
 */
public class OperationKeys {

    static final String TABLE = "operation_key";

    private final JdbcTemplate jdbc;

    public OperationKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "project_id VARCHAR(100) NOT NULL, "
                + "idempotency_key VARCHAR(" + IdempotencyKeys.MAX_LENGTH + ") NOT NULL, "
                + "kind VARCHAR(16) NOT NULL, "
                + "claimed_id VARCHAR(64) NOT NULL, "
                + "PRIMARY KEY (project_id, idempotency_key, kind))");
    }

    /**
     * The id the project's key names for this kind of id ({@code prefix}: {@code tr_op_} for a capture, {@code refd_}
     * for a refund, {@code tr_} for an authorization's or a sale's transaction): the one claimed before, or a new one
     * claimed now (concurrent callers agree).
     */
    public String idFor(ProjectId project, String key, String prefix) {
        try {
            String candidate = Ids.newId(prefix);
            jdbc.update("INSERT INTO " + TABLE + " (project_id, idempotency_key, kind, claimed_id) VALUES (?, ?, ?, ?)",
                    project.value(), key, prefix, candidate);
            return candidate;
        } catch (DuplicateKeyException claimed) {
            return jdbc.queryForObject("SELECT claimed_id FROM " + TABLE + " WHERE project_id = ? AND idempotency_key = ? "
                    + "AND kind = ?", String.class, project.value(), key, prefix);
        }
    }
}
