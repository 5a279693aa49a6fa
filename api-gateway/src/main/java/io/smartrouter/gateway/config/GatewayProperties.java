package io.smartrouter.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's settings.
 *
 * @param services base URL of each backend service by name ({@code invoice}, {@code vault}, {@code payment},
 *     {@code webhook})
 * @param projects the projects that may call the API, by project id, with the SHA-256 of their secret key (never the
 *     key itself). A map, not a list, so that a project added on the command line joins the configured ones
 * @param connectTimeout how long to wait for a service's TCP connection
 * @param responseTimeout how long to wait for a service's response headers
 */
@ConfigurationProperties("smartrouter.gateway")
public record GatewayProperties(Map<String, URI> services, Map<String, Project> projects, Duration connectTimeout,
        Duration responseTimeout) {

    public GatewayProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        projects = projects == null ? Map.of() : Map.copyOf(projects);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
    }

    /** A configured project: a display name and the lower-case hex SHA-256 of its secret key. */
    public record Project(String name, String secretKeyHash) {
    }
}
