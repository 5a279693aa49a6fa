package io.smartrouter.payment.connector.sandbox;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.PaymentOperations.DisputeNotice;
import io.smartrouter.payment.connector.PaymentOperations.DisputeStage;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox PSP's own database: every operation it received, under its idempotency key, and the state of each
 * authorization. It survives our crashes as a real PSP's would, so a status lookup after a restart still answers.
 * Holds no card number and no CVC: a behaviour and the last 4 digits are all a test double needs.
 */
class SandboxLedger {

    static final int MAX_ID_LENGTH = 128;
    static final String OPERATIONS = "sandbox_operation";
    static final String AUTHORIZATIONS = "sandbox_authorization";
    static final String NOTICES = "sandbox_dispute_notice";
    static final String CHALLENGES = "sandbox_challenge";
    /** Answered when an idempotency key comes back with a different request; the first request's outcome stands. */
    static final String KEY_REUSED = "gateway.idempotency-key-reused";

    private static final String OPERATION_COLUMNS = "operation_id, operation_type, authorization_reference, amount_minor, "
            + "currency, outcome_kind, outcome_value, hard_decline";
    private static final String AUTHORIZATION_COLUMNS = "authorization_reference, behaviour, card_last4, amount_minor, "
            + "currency, captured_minor, refunded_minor, voided";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SandboxLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + OPERATIONS + " ("
                + "operation_id VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "operation_type VARCHAR(16) NOT NULL, "
                + "authorization_reference VARCHAR(" + MAX_ID_LENGTH + "), "
                + "amount_minor BIGINT, "
                + "currency CHAR(3), "
                + "outcome_kind VARCHAR(16), "
                + "outcome_value VARCHAR(255), "
                + "hard_decline BOOLEAN, "
                + "created_at TIMESTAMP NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + AUTHORIZATIONS + " ("
                + "authorization_reference VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "behaviour VARCHAR(32) NOT NULL, "
                + "card_last4 CHAR(4) NOT NULL, "
                + "amount_minor BIGINT NOT NULL, "
                + "currency CHAR(3) NOT NULL, "
                + "captured_minor BIGINT NOT NULL, "
                + "refunded_minor BIGINT NOT NULL, "
                + "voided BOOLEAN NOT NULL, "
                + "created_at TIMESTAMP NOT NULL)");
        // The merchant's reference (our transaction id) echoed in dispute notices, as PSPs do.
        jdbc.execute("ALTER TABLE " + AUTHORIZATIONS + " ADD COLUMN IF NOT EXISTS merchant_reference VARCHAR("
                + MAX_ID_LENGTH + ")");
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + CHALLENGES + " ("
                + "operation_id VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "merchant_reference VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL, "
                + "card_last4 CHAR(4) NOT NULL, "
                + "amount_minor BIGINT NOT NULL, "
                + "currency CHAR(3) NOT NULL, "
                + "created_at TIMESTAMP NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + NOTICES + " ("
                + "notice_id VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "merchant_reference VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL, "
                + "stage VARCHAR(32) NOT NULL, "
                + "amount_minor BIGINT NOT NULL, "
                + "currency CHAR(3) NOT NULL, "
                + "due_at TIMESTAMP NOT NULL, "
                + "delivered BOOLEAN NOT NULL)");
    }

    /** Holds an authorization waiting for 3-D Secure: what the PSP keeps until the customer completes it. */
    void holdForChallenge(String operationId, String merchantReference, String last4, Money amount) {
        jdbc.update("INSERT INTO " + CHALLENGES + " (operation_id, merchant_reference, card_last4, amount_minor, currency, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", operationId, merchantReference, last4, amount.minorUnits(),
                amount.currencyCode(), now());
    }

    /** The authorization held for a challenge: merchant reference, last 4 digits, amount. */
    Optional<Challenge> challenge(String operationId) {
        return jdbc.query("SELECT merchant_reference, card_last4, amount_minor, currency FROM " + CHALLENGES
                + " WHERE operation_id = ?", (row, n) -> new Challenge(row.getString("merchant_reference"),
                        row.getString("card_last4"), Money.ofMinor(row.getLong("amount_minor"), row.getString("currency"))),
                operationId).stream().findFirst();
    }

    /** An authorization held for 3-D Secure. */
    record Challenge(String merchantReference, String last4, Money amount) {
    }

    /**
     * Schedules the authorization's dispute notices, {@code delay} apart from now (in the capture's transaction), for
     * the {@code captured} amount: a chargeback takes back what was captured, not what was authorized.
     */
    void scheduleDisputes(SandboxAuthorization authorization, Money captured, Duration delay) {
        List<DisputeStage> stages = authorization.behaviour().disputeStages();
        if (stages.isEmpty()) {
            return;
        }
        String merchantReference = jdbc.queryForObject("SELECT merchant_reference FROM " + AUTHORIZATIONS
                + " WHERE authorization_reference = ?", String.class, authorization.reference());
        Instant due = clock.instant();
        for (DisputeStage stage : stages) {
            due = due.plus(delay);
            jdbc.update("INSERT INTO " + NOTICES + " (notice_id, merchant_reference, stage, amount_minor, currency, "
                    + "due_at, delivered) VALUES (?, ?, ?, ?, ?, ?, FALSE)", Ids.newId("sbx_dsp_"), merchantReference,
                    stage.name(), captured.minorUnits(), captured.currencyCode(),
                    Timestamp.from(due));
        }
    }

    List<DisputeNotice> dueNotices(Instant now, int limit) {
        return jdbc.query("SELECT notice_id, merchant_reference, stage, amount_minor, currency, due_at FROM " + NOTICES
                + " WHERE delivered = FALSE AND due_at <= ? ORDER BY due_at", (row, n) -> new DisputeNotice(
                        row.getString("notice_id"), row.getString("merchant_reference"),
                        DisputeStage.valueOf(row.getString("stage")),
                        Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")),
                        row.getTimestamp("due_at").toInstant()), Timestamp.from(now)).stream().limit(limit).toList();
    }

    void acknowledge(String noticeId) {
        jdbc.update("UPDATE " + NOTICES + " SET delivered = TRUE WHERE notice_id = ?", noticeId);
    }

    /**
     * Runs {@code action} once per operation id, in one transaction with the ledger entry, and answers its outcome;
     * a replay answers the recorded outcome without running anything. The entry is inserted with the outcome, after the
     * action: a concurrent duplicate that ran the action too waits on the entry's primary key, fails once the first
     * commits, and rolls back what its action wrote (an authorization, a capture under the authorization's row lock)
     * before it reads the first's outcome.
     */
    OperationOutcome once(SandboxOperation operation, Supplier<OperationOutcome> action) {
        try {
            return transactions.execute(status -> find(operation.operationId())
                    .map(recorded -> replay(recorded, operation))
                    .orElseGet(() -> {
                        OperationOutcome outcome = action.get();
                        record(operation, outcome);
                        return outcome;
                    }));
        } catch (DuplicateKeyException concurrentDuplicate) {
            return find(operation.operationId())
                    .map(recorded -> replay(recorded, operation))
                    .orElseThrow(() -> concurrentDuplicate);
        }
    }

    /** The outcome recorded for {@code operationId}, empty when the sandbox never received it. */
    Optional<OperationOutcome> outcome(String operationId) {
        return find(operationId).map(Recorded::outcome);
    }

    /** A new authorization, under the merchant's reference (our transaction id) that its dispute notices echo. */
    void insert(SandboxAuthorization authorization, String merchantReference) {
        jdbc.update("INSERT INTO " + AUTHORIZATIONS + " (" + AUTHORIZATION_COLUMNS + ", merchant_reference, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                authorization.reference(), authorization.behaviour().name(), authorization.last4(),
                authorization.amount().minorUnits(), authorization.amount().currencyCode(),
                authorization.capturedMinor(), authorization.refundedMinor(), authorization.voided(), merchantReference,
                now());
    }

    /** The authorization, locked until the current transaction ends so its captures and refunds add up serially. */
    Optional<SandboxAuthorization> lock(String reference) {
        return jdbc.query("SELECT " + AUTHORIZATION_COLUMNS + " FROM " + AUTHORIZATIONS
                + " WHERE authorization_reference = ? FOR UPDATE", SandboxLedger::authorization, reference)
                .stream().findFirst();
    }

    void update(SandboxAuthorization authorization) {
        jdbc.update("UPDATE " + AUTHORIZATIONS + " SET captured_minor = ?, refunded_minor = ?, voided = ? "
                + "WHERE authorization_reference = ?",
                authorization.capturedMinor(), authorization.refundedMinor(), authorization.voided(),
                authorization.reference());
    }

    private Optional<Recorded> find(String operationId) {
        return jdbc.query("SELECT " + OPERATION_COLUMNS + " FROM " + OPERATIONS + " WHERE operation_id = ?",
                SandboxLedger::recorded, operationId).stream().findFirst();
    }

    private void record(SandboxOperation operation, OperationOutcome outcome) {
        Money amount = operation.amount();
        StoredOutcome stored = StoredOutcome.of(outcome);
        jdbc.update("INSERT INTO " + OPERATIONS + " (" + OPERATION_COLUMNS + ", created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                operation.operationId(), operation.type().name(), operation.authorizationReference(),
                amount == null ? null : amount.minorUnits(), amount == null ? null : amount.currencyCode(),
                stored.kind().name(), stored.value(), stored.hard(), now());
    }

    private static OperationOutcome replay(Recorded recorded, SandboxOperation request) {
        return recorded.operation().sameRequestAs(request) ? recorded.outcome()
                : new OperationOutcome.Declined(KEY_REUSED, false);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Recorded recorded(ResultSet row, int rowNumber) throws SQLException {
        String currency = row.getString("currency");
        Money amount = currency == null ? null : Money.ofMinor(row.getLong("amount_minor"), currency);
        SandboxOperation operation = new SandboxOperation(row.getString("operation_id"),
                SandboxOperation.Type.valueOf(row.getString("operation_type")), row.getString("authorization_reference"),
                amount);
        StoredOutcome stored = new StoredOutcome(OutcomeKind.valueOf(row.getString("outcome_kind")),
                row.getString("outcome_value"), row.getBoolean("hard_decline"));
        return new Recorded(operation, stored.toOutcome());
    }

    private static SandboxAuthorization authorization(ResultSet row, int rowNumber) throws SQLException {
        return new SandboxAuthorization(row.getString("authorization_reference"),
                SandboxBehaviour.valueOf(row.getString("behaviour")), row.getString("card_last4"),
                Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")), row.getLong("captured_minor"),
                row.getLong("refunded_minor"), row.getBoolean("voided"));
    }

    private record Recorded(SandboxOperation operation, OperationOutcome outcome) {
    }

    private enum OutcomeKind { APPROVED, DECLINED, THREE_D_SECURE, UNKNOWN }

    /** An outcome as three columns: its kind, its one value (reference, code, URL or reason), hard for declines. */
    private record StoredOutcome(OutcomeKind kind, String value, boolean hard) {

        static StoredOutcome of(OperationOutcome outcome) {
            if (outcome instanceof OperationOutcome.Approved approved) {
                return new StoredOutcome(OutcomeKind.APPROVED, approved.reference(), false);
            }
            if (outcome instanceof OperationOutcome.Declined declined) {
                return new StoredOutcome(OutcomeKind.DECLINED, declined.code(), declined.hard());
            }
            if (outcome instanceof OperationOutcome.ThreeDSecureRequired challenge) {
                return new StoredOutcome(OutcomeKind.THREE_D_SECURE, challenge.challengeUrl(), false);
            }
            if (outcome instanceof OperationOutcome.Unknown unknown) {
                return new StoredOutcome(OutcomeKind.UNKNOWN, unknown.reason(), false);
            }
            throw new IllegalArgumentException("Unmapped outcome " + outcome.getClass().getSimpleName());
        }

        OperationOutcome toOutcome() {
            return switch (kind) {
                case APPROVED -> new OperationOutcome.Approved(value);
                case DECLINED -> new OperationOutcome.Declined(value, hard);
                case THREE_D_SECURE -> new OperationOutcome.ThreeDSecureRequired(value);
                case UNKNOWN -> new OperationOutcome.Unknown(value);
            };
        }
    }
}
