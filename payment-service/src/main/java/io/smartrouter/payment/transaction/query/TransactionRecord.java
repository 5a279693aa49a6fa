package io.smartrouter.payment.transaction.query;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** The transaction read model row: list columns plus the {@link TransactionView} as JSON. */
@Entity
@Table(name = "transaction_record", indexes = {
    @Index(name = "transaction_record_project_created", columnList = "project_id, created_at, transaction_id"),
    @Index(name = "transaction_record_invoice", columnList = "invoice_id")})
public class TransactionRecord extends AssignedIdEntity {

    static final int MAX_DOCUMENT = 1_000_000;

    @Id
    @Column(name = "transaction_id", length = 64)
    private String transactionId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "invoice_id", length = 64, nullable = false)
    private String invoiceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "document", length = MAX_DOCUMENT, nullable = false)
    private String document;

    protected TransactionRecord() {
        // for JPA
    }

    @Override
    public String getId() {
        return transactionId;
    }

    TransactionRecord(TransactionView view, String document) {
        this.transactionId = view.id();
        this.projectId = view.projectId();
        this.invoiceId = view.invoiceId();
        this.createdAt = view.createdAt();
        this.document = document;
    }

    void update(String json) {
        this.document = json;
    }

    String transactionId() {
        return transactionId;
    }

    String projectId() {
        return projectId;
    }

    Instant createdAt() {
        return createdAt;
    }

    String document() {
        return document;
    }
}
