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
 * @param projects projects seeded into the database at start-up when absent, by project id, with the SHA-256 of their
 *     secret key (never the key itself). A map, not a list, so that a project added on the command line joins the
 *     configured ones. Projects are otherwise created with the admin API
 * @param demoProject the sandbox project of the embedded default (API.md), seeded when absent; refused in production
 * @param operatorToken the bearer token of the admin API ({@code SMARTROUTER_OPERATOR_TOKEN})
 * @param connectTimeout how long to wait for a service's TCP connection
 * @param responseTimeout how long to wait for a service's response headers
 * @param maxRequestsPerService how many requests may be in flight to one service (per gateway instance); beyond, the
 *     gateway answers 503 with {@code Retry-After} at once and does not send the request
 * @param credentialsTtl how long a project's credentials read from the database are used for later requests (a key
 *     revoked on another gateway instance keeps working that long here; zero reads them for every request)
 * @param idempotency how idempotency keys are kept
 * @param rateLimit the token buckets per project
 */
@ConfigurationProperties("smartrouter.gateway")
public record GatewayProperties(Map<String, URI> services, Map<String, Project> projects, DemoProject demoProject,
        String operatorToken, Duration connectTimeout, Duration responseTimeout, Integer maxRequestsPerService,
        Duration credentialsTtl, Idempotency idempotency, RateLimit rateLimit) {

    public GatewayProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        projects = projects == null ? Map.of() : Map.copyOf(projects);
        demoProject = demoProject == null ? new DemoProject(null, null) : demoProject;
        operatorToken = operatorToken == null ? "" : operatorToken;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
        maxRequestsPerService = maxRequestsPerService == null ? 128 : maxRequestsPerService;
        if (maxRequestsPerService < 1) {
            throw new IllegalArgumentException("max-requests-per-service must be at least 1");
        }
        credentialsTtl = credentialsTtl == null ? Duration.ofSeconds(5) : credentialsTtl;
        idempotency = idempotency == null ? new Idempotency(null, null, null, null) : idempotency;
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
    }

    /** A project to seed: a display name and the lower-case hex SHA-256 of its secret key. */
    public record Project(String name, String secretKeyHash) {
    }

    /** The demo project: none when {@code id} is blank. */
    public record DemoProject(String id, String secretKey) {

        public DemoProject {
            id = id == null ? "" : id.trim();
            secretKey = secretKey == null ? "" : secretKey;
        }

        public boolean enabled() {
            return !id.isEmpty();
        }
    }

    /**
     * Idempotency keys.
     *
     * @param retention how long a key and its answer are kept (API.md: 24 h)
     * @param lease how long a request may run before its key is considered abandoned (its gateway crashed, or the
     *     service's answer never came) and may be retried; longer than the response timeout
     * @param purgeInterval how often expired keys are deleted
     * @param maxResponseBytes the largest answer kept for replay
     */
    public record Idempotency(Duration retention, Duration lease, Duration purgeInterval, Integer maxResponseBytes) {

        public Idempotency {
            retention = retention == null ? Duration.ofHours(24) : retention;
            lease = lease == null ? Duration.ofSeconds(60) : lease;
            purgeInterval = purgeInterval == null ? Duration.ofMinutes(10) : purgeInterval;
            maxResponseBytes = maxResponseBytes == null ? 1024 * 1024 : maxResponseBytes;
        }
    }

    /** The two buckets of every project: the API, and {@code /events} polling (so polling cannot starve payments). */
    public record RateLimit(Bucket api, Bucket events) {

        public RateLimit {
            api = api == null ? new Bucket(2000, 1000.0) : api;
            events = events == null ? new Bucket(200, 100.0) : events;
        }
    }

    /**
     * A token bucket.
     *
     * @param capacity the burst a project may send at once (also {@code X-RateLimit-Limit})
     * @param refillPerSecond the sustained rate
     */
    public record Bucket(Integer capacity, Double refillPerSecond) {

        public Bucket {
            capacity = capacity == null ? 2000 : capacity;
            refillPerSecond = refillPerSecond == null ? 1000.0 : refillPerSecond;
            if (capacity < 1 || refillPerSecond <= 0) {
                throw new IllegalArgumentException("A rate-limit bucket needs capacity >= 1 and refill-per-second > 0");
            }
        }
    }
}
