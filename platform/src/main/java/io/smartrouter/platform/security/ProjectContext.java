package io.smartrouter.platform.security;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.ProjectId;
import org.springframework.web.server.ServerWebExchange;

/** The authenticated caller of a request, as vouched for by the gateway. Every read and write is scoped by it. */
public record ProjectContext(ProjectId projectId, KeyType keyType) {

    static final String ATTRIBUTE = ProjectContext.class.getName();

    public static ProjectContext of(ServerWebExchange exchange) {
        ProjectContext context = exchange.getAttribute(ATTRIBUTE);
        if (context == null) {
            throw new ApiException(PlatformErrorCode.AUTHENTICATION_INVALID, "Authentication is required");
        }
        return context;
    }

    /** Refuses calls made with the public key where API.md requires the secret key. */
    public ProjectContext requireSecretKey() {
        if (keyType != KeyType.SECRET) {
            throw new ApiException(PlatformErrorCode.SECRET_KEY_REQUIRED, "This call requires the project's secret key");
        }
        return this;
    }

    /** For {@code /internal} endpoints: the filter already admits only internal callers; this states it in the code. */
    public ProjectContext requireInternalCaller() {
        if (keyType != KeyType.SERVICE) {
            throw new ApiException(PlatformErrorCode.AUTHENTICATION_INVALID, "Only Smart Router services may call this");
        }
        return this;
    }
}
