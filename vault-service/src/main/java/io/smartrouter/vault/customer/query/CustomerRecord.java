package io.smartrouter.vault.customer.query;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** The customer read model row: list columns plus the {@link CustomerView} as JSON. Written by the projection. */
@Entity
@Table(name = "customer_record", indexes = @Index(name = "customer_record_project_created",
        columnList = "project_id, created_at, customer_id"))
public class CustomerRecord extends AssignedIdEntity {

    static final int MAX_DOCUMENT = 100_000;

    @Id
    @Column(name = "customer_id", length = 64)
    private String customerId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Column(name = "document", length = MAX_DOCUMENT, nullable = false)
    private String document;

    protected CustomerRecord() {
        // for JPA
    }

    @Override
    public String getId() {
        return customerId;
    }

    CustomerRecord(CustomerView customer, String document) {
        this.customerId = customer.customerId();
        this.projectId = customer.projectId();
        this.createdAt = customer.createdAt();
        this.document = document;
    }

    void update(String json) {
        this.document = json;
    }

    void markDeleted() {
        deleted = true;
    }

    String customerId() {
        return customerId;
    }

    String projectId() {
        return projectId;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean deleted() {
        return deleted;
    }

    String document() {
        return document;
    }
}
