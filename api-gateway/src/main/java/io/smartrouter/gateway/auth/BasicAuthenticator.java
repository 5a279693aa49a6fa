package io.smartrouter.gateway.auth;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ProjectContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic as API.md defines it: username = project id; password = the secret key, or empty for the public key.
 * Secret keys are compared as SHA-256 hashes in constant time; every failure answers the same error, so a caller
 * cannot tell an unknown project from a wrong key.
 */
public class BasicAuthenticator {

    private static final String PREFIX = "basic ";
    private static final int MAX_HEADER_LENGTH = 1024;

    private final ProjectDirectory projects;

    public BasicAuthenticator(ProjectDirectory projects) {
        this.projects = projects;
    }

    public ProjectContext authenticate(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER_LENGTH
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw invalid();
        }
        String credentials = decode(authorization.substring(PREFIX.length()).trim()).orElseThrow(BasicAuthenticator::invalid);
        int colon = credentials.indexOf(':');
        if (colon < 0 || !ProjectId.isWellFormed(credentials.substring(0, colon))) {
            throw invalid();
        }
        ProjectId projectId = new ProjectId(credentials.substring(0, colon));
        byte[] expected = projects.secretKeyHash(projectId).orElseThrow(BasicAuthenticator::invalid);
        String key = credentials.substring(colon + 1);
        if (key.isEmpty()) {
            return new ProjectContext(projectId, KeyType.PUBLIC);
        }
        if (!MessageDigest.isEqual(expected, sha256(key))) {
            throw invalid();
        }
        return new ProjectContext(projectId, KeyType.SECRET);
    }

    private static Optional<String> decode(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static ApiException invalid() {
        return new ApiException(PlatformErrorCode.AUTHENTICATION_INVALID,
                "Missing or invalid credentials: use HTTP Basic with your project id and secret key");
    }
}
