package io.smartrouter.gateway.auth;

import io.smartrouter.gateway.config.GatewayProperties;
import io.smartrouter.platform.id.ProjectId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Projects from {@code smartrouter.gateway.projects}. */
public class ConfiguredProjectDirectory implements ProjectDirectory {

    private final Map<String, byte[]> hashes = new HashMap<>();

    public ConfiguredProjectDirectory(Map<String, GatewayProperties.Project> projects) {
        projects.forEach((id, project) -> {
            if (!ProjectId.isWellFormed(id)) {
                throw new IllegalArgumentException("Configured project id is malformed: " + id);
            }
            if (project.secretKeyHash() == null || !project.secretKeyHash().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("Project " + id
                        + " needs secret-key-hash: the lower-case hex SHA-256 of its secret key");
            }
            hashes.put(id, HexFormat.of().parseHex(project.secretKeyHash()));
        });
    }

    @Override
    public Optional<byte[]> secretKeyHash(ProjectId projectId) {
        return Optional.ofNullable(hashes.get(projectId.value())).map(byte[]::clone);
    }
}
