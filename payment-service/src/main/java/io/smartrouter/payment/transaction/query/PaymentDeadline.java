package io.smartrouter.payment.transaction.query;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something due on a transaction at a time: its automatic capture or its authorization's expiry. Written in the
 * command's transaction, so deadlines survive restarts; {@code DeadlineSweeper} fires the due ones.
 */
@Entity
@Table(name = "payment_deadline", indexes = @Index(name = "payment_deadline_due", columnList = "due_at"))
public class PaymentDeadline extends AssignedIdEntity {

    /** What is due. */
    public enum Kind {
        AUTO_CAPTURE,
        EXPIRY
    }

    @Id
    @Column(name = "deadline_id", length = 100)
    private String deadlineId;

    @Column(name = "transaction_id", length = 64, nullable = false)
    private String transactionId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "kind", length = 20, nullable = false)
    private String kind;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    protected PaymentDeadline() {
        // for JPA
    }

    @Override
    public String getId() {
        return deadlineId;
    }

    PaymentDeadline(String transactionId, String projectId, Kind kind, Instant dueAt) {
        this.deadlineId = id(transactionId, kind);
        this.transactionId = transactionId;
        this.projectId = projectId;
        this.kind = kind.name();
        this.dueAt = dueAt;
    }

    static String id(String transactionId, Kind kind) {
        return transactionId + ":" + kind.name();
    }

    public String deadlineId() {
        return deadlineId;
    }

    public String transactionId() {
        return transactionId;
    }

    public String projectId() {
        return projectId;
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    public Instant dueAt() {
        return dueAt;
    }
}
