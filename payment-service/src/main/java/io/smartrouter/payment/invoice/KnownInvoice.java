package io.smartrouter.payment.invoice;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What the payment service knows of an invoice, from the invoice service's events: what to charge, for whom, and the
 * one transaction that pays it (assigned on the first authorization attempt).
 */
@Entity
@Table(name = "known_invoice")
public class KnownInvoice extends AssignedIdEntity {

    @Id
    @Column(name = "invoice_id", length = 64)
    private String invoiceId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(name = "currency", length = 3, nullable = false)
    private String currency;

    @Column(name = "initiation_type", length = 3, nullable = false)
    private String initiationType;

    @Column(name = "customer_id", length = 64)
    private String customerId;

    @Column(name = "auto_capture_at")
    private Instant autoCaptureAt;

    @Column(name = "transaction_id", length = 64, unique = true)
    private String transactionId;

    /** The invoice's metadata as JSON (routing rules may test it); null for invoices known before it was kept. */
    @Column(name = "metadata", length = 40_000)
    private String metadata;

    protected KnownInvoice() {
        // for JPA
    }

    @Override
    public String getId() {
        return invoiceId;
    }

    KnownInvoice(String invoiceId, String projectId, long amountMinor, String currency, String initiationType,
            String customerId, Instant autoCaptureAt, String metadata) {
        this.metadata = metadata;
        this.invoiceId = invoiceId;
        this.projectId = projectId;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.initiationType = initiationType;
        this.customerId = customerId;
        this.autoCaptureAt = autoCaptureAt;
    }

    void assignCustomer(String customer) {
        this.customerId = customer;
    }

    public String invoiceId() {
        return invoiceId;
    }

    public String projectId() {
        return projectId;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public String initiationType() {
        return initiationType;
    }

    public String customerId() {
        return customerId;
    }

    public Instant autoCaptureAt() {
        return autoCaptureAt;
    }

    /** The metadata as JSON, or null. */
    public String metadataJson() {
        return metadata;
    }

    public String transactionId() {
        return transactionId;
    }
}
