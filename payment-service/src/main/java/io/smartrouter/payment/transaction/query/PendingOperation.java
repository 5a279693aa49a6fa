package io.smartrouter.payment.transaction.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An operation whose intent is recorded but whose outcome is not: sent to the PSP (or about to be) when the service
 * stopped or the PSP did not answer. The reconciler resolves these with the PSP.
 */
@Entity
@Table(name = PendingOperation.TABLE, indexes = @Index(name = "pending_operation_started", columnList = "started_at"))
public class PendingOperation {

    /** Its table, also named by the SQL that writes it ({@link PendingOperations}). */
    static final String TABLE = "pending_operation";

    @Id
    @Column(name = "operation_id", length = 64)
    private String operationId;

    @Column(name = "transaction_id", length = 64, nullable = false)
    private String transactionId;

    @Column(name = "type", length = 20, nullable = false)
    private String type;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(name = "currency", length = 3, nullable = false)
    private String currency;

    @Column(name = "gateway", length = 80, nullable = false)
    private String gateway;

    @Column(name = "authorization_reference", length = 128)
    private String authorizationReference;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    protected PendingOperation() {
        // for JPA
    }

    PendingOperation(String operationId, String transactionId, String type, long amountMinor, String currency,
            String gateway, String authorizationReference, Instant startedAt) {
        this.operationId = operationId;
        this.transactionId = transactionId;
        this.type = type;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.gateway = gateway;
        this.authorizationReference = authorizationReference;
        this.startedAt = startedAt;
    }

    public String operationId() {
        return operationId;
    }

    public String transactionId() {
        return transactionId;
    }

    public String type() {
        return type;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public String gateway() {
        return gateway;
    }

    public String authorizationReference() {
        return authorizationReference;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
