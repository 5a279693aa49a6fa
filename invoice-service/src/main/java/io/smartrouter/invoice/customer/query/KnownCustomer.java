package io.smartrouter.invoice.customer.query;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer the vault has published: enough to check that an invoice's customer exists in its project. */
@Entity
@Table(name = "known_customer")
public class KnownCustomer extends AssignedIdEntity {

    @Id
    @Column(name = "customer_id", length = 64)
    private String customerId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    protected KnownCustomer() {
        // for JPA
    }

    @Override
    public String getId() {
        return customerId;
    }

    KnownCustomer(String customerId, String projectId) {
        this.customerId = customerId;
        this.projectId = projectId;
    }

    void markDeleted() {
        deleted = true;
    }

    boolean isLiveIn(String project) {
        return !deleted && projectId.equals(project);
    }
}
