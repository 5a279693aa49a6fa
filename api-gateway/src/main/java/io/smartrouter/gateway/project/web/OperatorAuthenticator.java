package io.smartrouter.gateway.project.web;

import io.smartrouter.gateway.project.SecretKeys;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import java.security.MessageDigest;

/**
 * The admin API's bearer token ({@code SMARTROUTER_OPERATOR_TOKEN}). Compared as SHA-256 in constant time, so neither
 * the token's length nor a common prefix shows in the timing.
 */
public class OperatorAuthenticator {

    private static final String PREFIX = "bearer ";

    private final byte[] tokenHash;

    public OperatorAuthenticator(String operatorToken) {
        if (operatorToken == null || operatorToken.isBlank()) {
            throw new IllegalStateException("smartrouter.gateway.operator-token (SMARTROUTER_OPERATOR_TOKEN) must be set");
        }
        this.tokenHash = SecretKeys.sha256(operatorToken);
    }

    public void authenticate(String authorization) {
        if (authorization == null || authorization.length() > 1024
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || !MessageDigest.isEqual(tokenHash, SecretKeys.sha256(authorization.substring(PREFIX.length()).trim()))) {
            throw new ApiException(PlatformErrorCode.AUTHENTICATION_INVALID,
                    "The admin API needs the operator token: Authorization: Bearer <SMARTROUTER_OPERATOR_TOKEN>");
        }
    }
}
