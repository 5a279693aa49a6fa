package io.smartrouter.gateway.project.web;

import io.smartrouter.gateway.project.ApiKey;
import io.smartrouter.gateway.project.Project;
import java.time.Instant;

/** What the admin API shows of projects and keys: never a secret, except once in the creating answer. */
final class ProjectResponse {

    private ProjectResponse() {
    }

    record ProjectView(String id, String name, boolean sandbox, Instant createdAt) {
        static ProjectView of(Project project) {
            return new ProjectView(project.id(), project.name(), project.sandbox(), project.createdAt());
        }
    }

    record KeyView(String id, String projectId, boolean active, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.projectId(), key.active(), key.createdAt(), key.revokedAt());
        }
    }
}
