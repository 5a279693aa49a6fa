package io.smartrouter.payment.routing.query;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A project's routing rules as the read model keeps them: the ordered list as JSON. */
@Entity
@Table(name = "routing_rule_set")
public class RoutingRuleSet extends AssignedIdEntity {

    static final int MAX_DOCUMENT = 1_000_000;

    @Id
    @Column(name = "project_id", length = 80)
    private String projectId;

    @Column(name = "document", length = MAX_DOCUMENT, nullable = false)
    private String document;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RoutingRuleSet() {
        // for JPA
    }

    @Override
    public String getId() {
        return projectId;
    }

    RoutingRuleSet(String projectId) {
        this.projectId = projectId;
    }

    void update(String json, Instant at) {
        this.document = json;
        this.updatedAt = at;
    }

    String document() {
        return document;
    }
}
