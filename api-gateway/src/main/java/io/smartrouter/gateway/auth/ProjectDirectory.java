package io.smartrouter.gateway.auth;

import io.smartrouter.platform.id.ProjectId;
import java.util.List;
import java.util.Optional;

/** Where the gateway looks projects and their active key hashes up (blocking: JDBC). */
public interface ProjectDirectory {

    /** The project's active secret-key hashes (possibly none: every key revoked), or empty when it does not exist. */
    Optional<Credentials> credentials(ProjectId projectId);

    /**
     * The project's credentials as read a moment ago, without blocking; empty when this directory does not remember
     * them (then ask {@link #credentials}).
     */
    default Optional<Credentials> remembered(ProjectId projectId) {
        return Optional.empty();
    }

    /** What authentication needs to know about a project. */
    record Credentials(boolean sandbox, List<byte[]> activeKeyHashes) {

        public Credentials {
            activeKeyHashes = List.copyOf(activeKeyHashes);
        }
    }
}
