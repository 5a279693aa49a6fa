package io.smartrouter.gateway.ratelimit;

/**
 * The outcome of taking a token: whether the request may go on, and what the {@code X-RateLimit-*} headers say.
 *
 * @param retryAfterSeconds when refused, the whole seconds until a token is back ({@code Retry-After})
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
}
