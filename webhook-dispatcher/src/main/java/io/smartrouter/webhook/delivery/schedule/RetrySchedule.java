package io.smartrouter.webhook.delivery.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery is tried again. Entry {@code i} of the schedule is the delay before attempt {@code i + 1}
 * (API.md: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — about 27 hours in all); a failure of the last
 * attempt dead-letters the delivery. Each delay is spread by a random jitter so that receivers coming back from an
 * outage are not hit by every retry at the same instant. A {@code Retry-After} the receiver sent (429/503) is honoured
 * when it asks for more than the schedule, up to the schedule's longest delay.
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final DoubleSupplier random;
    private final Duration longest;

    /**
     * @param random uniform in [0, 1): tests pass a fixed value
     */
    public RetrySchedule(List<Duration> delays, double jitter, DoubleSupplier random) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("A retry schedule has at least one attempt");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("The retry jitter is a fraction from 0 to below 1");
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.random = random;
        this.longest = delays.stream().max(Duration::compareTo).orElseThrow();
    }

    /** How many attempts a delivery gets before it is dead-lettered. */
    public int attempts() {
        return delays.size();
    }

    /** The delay before the first attempt (normally zero: at once). */
    public Duration firstDelay() {
        return delays.get(0);
    }

    /**
     * When attempt {@code failedAttempts + 1} is due after attempt {@code failedAttempts} failed at {@code now}, or
     * empty when that was the last one (dead letter).
     *
     * @param retryAfter what the receiver asked for in {@code Retry-After}, if anything
     */
    public Optional<Instant> next(int failedAttempts, Instant now, Duration retryAfter) {
        if (failedAttempts >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = jittered(delays.get(failedAttempts));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
        }
        return Optional.of(now.plus(delay));
    }

    private Duration jittered(Duration delay) {
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }
}
