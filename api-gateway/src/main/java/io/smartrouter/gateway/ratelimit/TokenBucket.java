package io.smartrouter.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code refillPerSecond}; each request
 * takes one. Times are {@link System#nanoTime()} values passed in, so tests control the clock.
 */
final class TokenBucket {

    private final int capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, double refillPerSecond, long now) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    synchronized RateLimitDecision take(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
            updatedAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return new RateLimitDecision(true, capacity, (long) Math.floor(tokens), 0);
        }
        long retryAfterSeconds = (long) Math.ceil((1 - tokens) / refillPerNano / 1e9);
        return new RateLimitDecision(false, capacity, 0, Math.max(1, retryAfterSeconds));
    }
}
