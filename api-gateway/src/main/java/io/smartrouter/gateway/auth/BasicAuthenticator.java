package io.smartrouter.gateway.auth;

import io.smartrouter.gateway.project.SecretKeys;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ProjectContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic as API.md defines it: username = project id; password = one of the project's active secret keys, or
 * empty for the public key. Secret keys are compared as SHA-256 hashes in constant time, against every active key of
 * the project (rotation keeps several); a sandbox project only takes {@code key_test_…} keys and a live one only
 * {@code key_live_…}. Every failure answers the same error, so a caller cannot tell an unknown project from a wrong or
 * revoked key. {@link #authenticate} blocks (the directory is a database): call it off the event loop;
 * {@link #fromMemory} does not.
 */
public class BasicAuthenticator {

    private static final String PREFIX = "basic ";
    private static final int MAX_HEADER_LENGTH = 1024;

    private final ProjectDirectory projects;

    public BasicAuthenticator(ProjectDirectory projects) {
        this.projects = projects;
    }

    /** Authenticates against the directory's database. Blocking. */
    public ProjectContext authenticate(String authorization) {
        Presented presented = presented(authorization);
        return projects.credentials(presented.projectId()).flatMap(project -> verify(presented, project))
                .orElseThrow(BasicAuthenticator::invalid);
    }

    /**
     * Authenticates with the credentials the directory remembers, without blocking: empty when it remembers none for
     * the project or the key does not match them (a key created a moment ago): then {@link #authenticate}.
     */
    public Optional<ProjectContext> fromMemory(String authorization) {
        Presented presented = presented(authorization);
        return projects.remembered(presented.projectId()).flatMap(project -> verify(presented, project));
    }

    /** The Authorization header of a project's public key (the project id and an empty password). */
    public static String publicKeyOf(String projectId) {
        return "Basic " + Base64.getEncoder().encodeToString((projectId + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** The project and key a well-formed header presents. */
    private record Presented(ProjectId projectId, String key) {
    }

    private static Presented presented(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER_LENGTH
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw invalid();
        }
        String credentials = decode(authorization.substring(PREFIX.length()).trim()).orElseThrow(BasicAuthenticator::invalid);
        int colon = credentials.indexOf(':');
        if (colon < 0 || !ProjectId.isWellFormed(credentials.substring(0, colon))) {
            throw invalid();
        }
        return new Presented(new ProjectId(credentials.substring(0, colon)), credentials.substring(colon + 1));
    }

    private static Optional<ProjectContext> verify(Presented presented, ProjectDirectory.Credentials project) {
        String key = presented.key();
        if (key.isEmpty()) {
            return Optional.of(new ProjectContext(presented.projectId(), KeyType.PUBLIC));
        }
        byte[] hash = SecretKeys.sha256(key);
        boolean matches = false;
        for (byte[] active : project.activeKeyHashes()) {
            matches |= MessageDigest.isEqual(active, hash);
        }
        return matches && key.startsWith(SecretKeys.prefix(project.sandbox()))
                ? Optional.of(new ProjectContext(presented.projectId(), KeyType.SECRET)) : Optional.empty();
    }

    private static Optional<String> decode(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ApiException invalid() {
        return new ApiException(PlatformErrorCode.AUTHENTICATION_INVALID,
                "Missing or invalid credentials: use HTTP Basic with your project id and secret key");
    }
}
