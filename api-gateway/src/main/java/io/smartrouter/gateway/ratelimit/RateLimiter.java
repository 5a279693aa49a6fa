package io.smartrouter.gateway.ratelimit;

import io.smartrouter.gateway.config.GatewayProperties;
import io.smartrouter.platform.id.ProjectId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Two token buckets per project: one for the API, one for {@code /events} polling, so that a merchant polling events
 * hard cannot use up the tokens its payment calls need. Buckets live in this instance's memory: with N gateway
 * instances behind a load balancer a project may send up to N times the configured rate (documented in the README).
 */
public class RateLimiter {

    private final GatewayProperties.RateLimit limits;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayProperties.RateLimit limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** Takes a token from the project's bucket for this path. */
    public RateLimitDecision take(ProjectId project, String path) {
        boolean events = path.equals("/events") || path.startsWith("/events/");
        GatewayProperties.Bucket limit = events ? limits.events() : limits.api();
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(project.value() + (events ? " events" : " api"),
                key -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now)).take(now);
    }
}
