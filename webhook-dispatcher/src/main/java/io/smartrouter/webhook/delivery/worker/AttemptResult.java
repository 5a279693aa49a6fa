package io.smartrouter.webhook.delivery.worker;

import java.time.Duration;

/**
 * What one HTTP attempt came to: the receiver's status (null when no response came), the start of its response body
 * (truncated), why it failed when it did, how long it took, and the {@code Retry-After} it asked for.
 */
public record AttemptResult(Integer httpStatus, String responseBody, String error, long durationMs,
        Duration retryAfter) {

    public boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    public static AttemptResult noResponse(String error, long durationMs) {
        return new AttemptResult(null, null, error, durationMs, null);
    }
}
