package io.smartrouter.payment.transaction.process;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The refund a merchant's {@code Idempotency-Key} stands for. The gateway replays the answer it kept for a key; this
 * covers what it could not keep: a refund whose answer never came back (the service or the gateway died mid-request)
 * and is retried once the gateway's lease on the key has expired. The key names one refund id, claimed before the
 * refund starts; the transaction accepts each refund id once, so the retry finds the refund and answers it instead of
 * refunding again.
 */
public class RefundKeys {

    static final String TABLE = "refund_key";
    /** The gateway refuses longer keys (API.md). */
    public static final int MAX_KEY_LENGTH = 255;

    private final JdbcTemplate jdbc;

    public RefundKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "project_id VARCHAR(100) NOT NULL, "
                + "idempotency_key VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL, "
                + "refund_id VARCHAR(64) NOT NULL, "
                + "PRIMARY KEY (project_id, idempotency_key))");
    }

    /** The refund id of the project's key: the one claimed before, or a new one claimed now (concurrent callers agree). */
    public String refundIdFor(ProjectId project, String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key too long");
        }
        try {
            String candidate = Ids.newId(PaymentProcess.REFUND_PREFIX);
            jdbc.update("INSERT INTO " + TABLE + " (project_id, idempotency_key, refund_id) VALUES (?, ?, ?)",
                    project.value(), key, candidate);
            return candidate;
        } catch (DuplicateKeyException claimed) {
            return jdbc.queryForObject("SELECT refund_id FROM " + TABLE + " WHERE project_id = ? AND idempotency_key = ?",
                    String.class, project.value(), key);
        }
    }
}
