package io.smartrouter.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares.
 *
 * @param internalSecret the secret the gateway signs forwarded requests with (env {@code SMARTROUTER_INTERNAL_SECRET})
 * @param verifyGatewaySignature whether this service only accepts requests signed by the gateway (false only in the
 *     gateway itself)
 * @param maxRequestBytes the largest request body accepted
 * @param serviceSecret the secret internal service-to-service calls are signed with (env
 *     {@code SMARTROUTER_SERVICE_SECRET}); give it only to the services that make or answer such calls, not the gateway
 */
@ConfigurationProperties("smartrouter")
public record PlatformProperties(String internalSecret, Boolean verifyGatewaySignature, Integer maxRequestBytes,
        String serviceSecret) {

    public static final String LOCAL_INTERNAL_SECRET = "local-only-internal-secret-never-use-in-production";
    public static final String LOCAL_SERVICE_SECRET = "local-only-service-secret-never-use-in-production";

    public PlatformProperties {
        internalSecret = internalSecret == null ? LOCAL_INTERNAL_SECRET : internalSecret;
        serviceSecret = serviceSecret == null ? LOCAL_SERVICE_SECRET : serviceSecret;
        verifyGatewaySignature = verifyGatewaySignature == null || verifyGatewaySignature;
        maxRequestBytes = maxRequestBytes == null ? 256 * 1024 : maxRequestBytes;
    }
}
