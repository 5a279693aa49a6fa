package io.smartrouter.invoice.transaction.query;

import io.smartrouter.invoice.transaction.api.TransactionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The summary of an invoice's transaction, one row per invoice. Written only by {@link InvoiceTransactions} from the
 * payment service's events, never by the invoice projection (its own table, so the two writers never share a row);
 * the invoice queries join it to {@code invoice_summary}.
 */
@Entity
@Table(name = "invoice_transaction", indexes = @Index(name = "invoice_transaction_project_status",
        columnList = "project_id, status"))
public class InvoiceTransaction {

    static final int MAX_ERROR_CODE = 200;

    @Id
    @Column(name = "invoice_id", length = 64)
    private String invoiceId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "transaction_id", length = 64, nullable = false)
    private String transactionId;

    @Column(name = "status", length = 30, nullable = false)
    private String status;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "currency", length = 3, nullable = false)
    private String currency;

    @Column(name = "authorized_amount", nullable = false)
    private long authorizedAmount;

    @Column(name = "captured_amount", nullable = false)
    private long capturedAmount;

    @Column(name = "refunded_amount", nullable = false)
    private long refundedAmount;

    @Column(name = "error_code", length = MAX_ERROR_CODE)
    private String errorCode;

    /** When the transaction was requested: a later request of another transaction replaces this one. */
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Two transactions of one invoice may arrive on different partitions at once; the loser is retried. */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected InvoiceTransaction() {
        // for JPA
    }

    InvoiceTransaction(String invoiceId, String projectId, TransactionSummary requested) {
        this.invoiceId = invoiceId;
        this.projectId = projectId;
        replace(requested);
    }

    /** Starts over with another transaction of the invoice. */
    void replace(TransactionSummary requested) {
        this.requestedAt = requested.updatedAt();
        update(requested);
    }

    void update(TransactionSummary summary) {
        this.transactionId = summary.transactionId();
        this.status = summary.status().wire();
        this.amount = summary.amountMinor();
        this.currency = summary.currency();
        this.authorizedAmount = summary.authorizedAmountMinor();
        this.capturedAmount = summary.capturedAmountMinor();
        this.refundedAmount = summary.refundedAmountMinor();
        this.errorCode = summary.errorCode() == null || summary.errorCode().length() <= MAX_ERROR_CODE
                ? summary.errorCode() : summary.errorCode().substring(0, MAX_ERROR_CODE);
        this.updatedAt = summary.updatedAt();
    }

    public TransactionSummary summary() {
        return new TransactionSummary(transactionId, TransactionStatus.fromWire(status).orElseThrow(), amount, currency,
                authorizedAmount, capturedAmount, refundedAmount, errorCode, updatedAt);
    }

    String invoiceId() {
        return invoiceId;
    }

    String projectId() {
        return projectId;
    }

    String transactionId() {
        return transactionId;
    }

    Instant requestedAt() {
        return requestedAt;
    }
}
