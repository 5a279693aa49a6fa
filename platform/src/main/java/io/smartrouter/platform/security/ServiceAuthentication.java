package io.smartrouter.platform.security;

import io.smartrouter.platform.id.ProjectId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;

/**
 * How the gateway vouches for the project it authenticated, so that services never trust a bare header. The gateway
 * adds the project, the key type and a timestamp, and an HMAC-SHA256 over those and the request's method, path and
 * request id, keyed with a secret only the gateway and the services hold. A signature is valid for one request shape
 * and {@link #MAX_SKEW}.
 */
public final class ServiceAuthentication {

    public static final String PROJECT_HEADER = "X-SmartRouter-Project-Id";
    public static final String KEY_TYPE_HEADER = "X-SmartRouter-Key-Type";
    public static final String TIMESTAMP_HEADER = "X-SmartRouter-Auth-Timestamp";
    public static final String SIGNATURE_HEADER = "X-SmartRouter-Auth-Signature";
    /** Every header of this family; the gateway strips them from incoming requests. */
    public static final String HEADER_PREFIX = "X-SmartRouter-";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;
    private final Clock clock;

    public ServiceAuthentication(String secret, Clock clock) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "smartrouter.internal-secret must be set to at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Adds the signed project headers to a request the gateway forwards. */
    public void sign(HttpHeaders headers, ProjectContext caller, String method, String path, String requestId) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        headers.set(PROJECT_HEADER, caller.projectId().value());
        headers.set(KEY_TYPE_HEADER, caller.keyType().name().toLowerCase(Locale.ROOT));
        headers.set(TIMESTAMP_HEADER, timestamp);
        headers.set(SIGNATURE_HEADER, signature(caller.projectId().value(), caller.keyType(), timestamp, method, path,
                requestId));
    }

    /** The caller the gateway vouched for, or empty when the headers are missing, stale or forged. */
    public Optional<ProjectContext> verify(HttpHeaders headers, String method, String path, String requestId) {
        String project = headers.getFirst(PROJECT_HEADER);
        String keyTypeName = headers.getFirst(KEY_TYPE_HEADER);
        String timestamp = headers.getFirst(TIMESTAMP_HEADER);
        String signature = headers.getFirst(SIGNATURE_HEADER);
        if (project == null || keyTypeName == null || timestamp == null || signature == null
                || !ProjectId.isWellFormed(project)) {
            return Optional.empty();
        }
        KeyType keyType;
        Instant signedAt;
        try {
            keyType = KeyType.valueOf(keyTypeName.toUpperCase(Locale.ROOT));
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return Optional.empty();
        }
        byte[] expected = signature(project, keyType, timestamp, method, path, requestId)
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new ProjectContext(new ProjectId(project), keyType));
    }

    private String signature(String project, KeyType keyType, String timestamp, String method, String path,
            String requestId) {
        String canonical = String.join("\n", project, keyType.name(), timestamp, method, path, requestId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
