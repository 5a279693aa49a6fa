package io.smartrouter.vault.customer.query;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** The customer token read model row: the {@link TokenView} (without the default flag) as JSON. */
@Entity
@Table(name = "customer_token_record", indexes = @Index(name = "customer_token_record_customer",
        columnList = "customer_id, created_at"))
public class CustomerTokenRecord extends AssignedIdEntity {

    static final int MAX_DOCUMENT = 10_000;

    @Id
    @Column(name = "token_id", length = 64)
    private String tokenId;

    @Column(name = "customer_id", length = 64, nullable = false)
    private String customerId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Column(name = "document", length = MAX_DOCUMENT, nullable = false)
    private String document;

    protected CustomerTokenRecord() {
        // for JPA
    }

    @Override
    public String getId() {
        return tokenId;
    }

    CustomerTokenRecord(TokenView token, String document) {
        this.tokenId = token.tokenId();
        this.customerId = token.customerId();
        this.projectId = token.projectId();
        this.createdAt = token.createdAt();
        this.document = document;
    }

    void markDeleted() {
        deleted = true;
    }

    String projectId() {
        return projectId;
    }

    boolean deleted() {
        return deleted;
    }

    String document() {
        return document;
    }
}
