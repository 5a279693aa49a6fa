package io.smartrouter.gateway.auth;

import io.smartrouter.platform.id.ProjectId;
import java.util.Optional;

/** Where the gateway looks projects and their key hashes up. Configuration now; a durable store with the admin API. */
public interface ProjectDirectory {

    /** The SHA-256 of the project's secret key, or empty when the project does not exist. */
    Optional<byte[]> secretKeyHash(ProjectId projectId);
}
