package io.smartrouter.invoice.invoice.query;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The invoice read model row: the columns lists filter and sort on, and the whole {@link InvoiceView} as a JSON
 * document. Written only by {@link InvoiceSummaryProjection}.
 */
@Entity
@Table(name = "invoice_summary", indexes = @Index(name = "invoice_summary_project_created",
        columnList = "project_id, created_at, invoice_id"))
public class InvoiceSummary extends AssignedIdEntity {

    static final int MAX_DOCUMENT = 1_000_000;

    @Id
    @Column(name = "invoice_id", length = 64)
    private String invoiceId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "fulfillment_status", length = 20, nullable = false)
    private String fulfillmentStatus;

    @Column(name = "document", length = MAX_DOCUMENT, nullable = false)
    private String document;

    protected InvoiceSummary() {
        // for JPA
    }

    @Override
    public String getId() {
        return invoiceId;
    }

    InvoiceSummary(InvoiceView invoice, String document) {
        this.invoiceId = invoice.invoiceId();
        this.projectId = invoice.projectId();
        this.createdAt = invoice.createdAt();
        update(invoice, document);
    }

    void update(InvoiceView invoice, String json) {
        this.fulfillmentStatus = invoice.fulfillment().status();
        this.document = json;
    }

    String invoiceId() {
        return invoiceId;
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
