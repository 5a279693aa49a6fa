package io.smartrouter.webhook.delivery.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * What becomes of a delivery after an attempt: {@code succeeded}, {@code failed} (tried again at {@code nextAttemptAt})
 * or {@code dead} (dead-lettered); and whether its endpoint is to be disabled at once ({@code 410 Gone}).
 */
public record AttemptDecision(String status, Instant nextAttemptAt, boolean disableEndpoint) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String DEAD = "dead";

    /**
     * Decides after attempt number {@code roundAttempts} (of the current round: a manual resend or replay starts a new
     * round of the schedule) ended with {@code httpStatus} (null: no response) at {@code now}.
     */
    public static AttemptDecision after(RetrySchedule schedule, int roundAttempts, Integer httpStatus,
            Duration retryAfter, boolean toEndpoint, Instant now) {
        if (httpStatus != null && httpStatus >= 200 && httpStatus < 300) {
            return new AttemptDecision(SUCCEEDED, null, false);
        }
        if (httpStatus != null && httpStatus == 410 && toEndpoint) {
            return new AttemptDecision(DEAD, null, true);
        }
        Duration honoured = httpStatus != null && (httpStatus == 429 || httpStatus == 503) ? retryAfter : null;
        return schedule.next(roundAttempts, now, honoured)
                .map(next -> new AttemptDecision(FAILED, next, false))
                .orElseGet(() -> new AttemptDecision(DEAD, null, false));
    }
}
