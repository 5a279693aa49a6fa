package io.smartrouter.invoice.invoice.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** The invoice read model row. Written only by {@link InvoiceSummaryProjection}. */
@Entity
@Table(name = "invoice_summary", indexes = @Index(name = "invoice_summary_project_created",
        columnList = "project_id, created_at"))
public class InvoiceSummary {

    @Id
    @Column(name = "invoice_id", length = 64)
    private String invoiceId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InvoiceSummary() {
        // for JPA
    }

    InvoiceSummary(String invoiceId, String projectId, String name, long amountMinor, String currency,
            Instant createdAt) {
        this.invoiceId = invoiceId;
        this.projectId = projectId;
        this.name = name;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.createdAt = createdAt;
    }

    InvoiceView toView() {
        return new InvoiceView(invoiceId, projectId, name, amountMinor, currency, createdAt);
    }
}
