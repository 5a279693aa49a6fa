package io.smartrouter.gateway.project;

import java.time.Instant;

/** A merchant's project: {@code test-proj_…} in the sandbox, {@code proj_…} live. */
public record Project(String id, String name, boolean sandbox, Instant createdAt) {
}
