package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.transaction.api.PaymentErrorCode;
import io.smartrouter.platform.error.ApiException;
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
 * refunding again. A key names ids on the invoice it was first used for; on another invoice it is refused (422), as
 * the gateway refuses a key used with another request: the same id under two invoices would be two payments' id.
 * Claims written before they named their invoice (no {@code invoice_id}) are answered as before.
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
                + "invoice_id VARCHAR(64), "
                + "PRIMARY KEY (project_id, idempotency_key, kind))");
        jdbc.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS invoice_id VARCHAR(64)");
    }

    /**
     * The id the project's key names for this kind of id ({@code prefix}: {@code tr_op_} for a capture, {@code refd_}
     * for a refund, {@code tr_} for an authorization's or a sale's transaction) on this invoice: the one claimed
     * before, or a new one claimed now (concurrent callers agree).
     *
     * @throws ApiException {@code request.idempotency.key-reused} when the key named an id on another invoice
     */
    public String idFor(ProjectId project, String invoiceId, String key, String prefix) {
        try {
            String candidate = Ids.newId(prefix);
            jdbc.update("INSERT INTO " + TABLE + " (project_id, idempotency_key, kind, claimed_id, invoice_id) "
                    + "VALUES (?, ?, ?, ?, ?)", project.value(), key, prefix, candidate, invoiceId);
            return candidate;
        } catch (DuplicateKeyException claimed) {
            return jdbc.queryForObject("SELECT claimed_id, invoice_id FROM " + TABLE + " WHERE project_id = ? "
                    + "AND idempotency_key = ? AND kind = ?", (row, n) -> {
                        String claimedFor = row.getString("invoice_id");
                        if (claimedFor != null && !claimedFor.equals(invoiceId)) {
                            throw new ApiException(PaymentErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was "
                                    + "used for another invoice; use a new key");
                        }
                        return row.getString("claimed_id");
                    }, project.value(), key, prefix);
        }
    }
}
