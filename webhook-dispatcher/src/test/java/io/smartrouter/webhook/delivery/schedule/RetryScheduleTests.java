package io.smartrouter.webhook.delivery.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.webhook.config.DispatcherProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    /** random() = 0.5 means no jitter at all. */
    static final RetrySchedule API = new RetrySchedule(DispatcherProperties.API_SCHEDULE, 0.2, () -> 0.5);

    @Test
    void followsApiMdsScheduleForAboutThreeDaysThenDeadLetters() {
        List<Duration> delays = new ArrayList<>();
        Instant at = NOW;
        for (int failed = 1; failed <= 8; failed++) {
            var next = API.next(failed, at, null);
            if (next.isEmpty()) {
                break;
            }
            delays.add(Duration.between(at, next.get()));
            at = next.get();
        }
        assertThat(API.firstDelay()).isZero();
        assertThat(delays).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        assertThat(Duration.between(NOW, at)).isBetween(Duration.ofHours(27), Duration.ofDays(3));
        assertThat(API.next(8, at, null)).isEmpty();
        assertThat(API.attempts()).isEqualTo(8);
    }

    @Test
    void jitterSpreadsEachDelayWithinItsBounds() {
        var low = new RetrySchedule(DispatcherProperties.API_SCHEDULE, 0.2, () -> 0.0);
        var high = new RetrySchedule(DispatcherProperties.API_SCHEDULE, 0.2, () -> 0.999_999);
        assertThat(low.next(3, NOW, null)).contains(NOW.plus(Duration.ofMinutes(24)));
        assertThat(Duration.between(NOW, high.next(3, NOW, null).orElseThrow()))
                .isBetween(Duration.ofMinutes(35), Duration.ofMinutes(36));
    }

    @Test
    void retryAfterIsHonouredWhenLongerButCappedAtTheLongestDelay() {
        assertThat(API.next(1, NOW, Duration.ofSeconds(60))).contains(NOW.plusSeconds(60));
        assertThat(API.next(1, NOW, Duration.ofSeconds(1))).contains(NOW.plusSeconds(5));
        assertThat(API.next(1, NOW, Duration.ofDays(30))).contains(NOW.plus(Duration.ofHours(10)));
    }

    @Test
    void decidesSuccessRetryDeadLetterAndGone() {
        assertThat(AttemptDecision.after(API, 1, 204, null, true, NOW).status()).isEqualTo(AttemptDecision.SUCCEEDED);
        AttemptDecision failed = AttemptDecision.after(API, 1, 500, Duration.ofHours(1), true, NOW);
        assertThat(failed.status()).isEqualTo(AttemptDecision.FAILED);
        assertThat(failed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5)); // Retry-After only on 429 and 503
        assertThat(AttemptDecision.after(API, 1, 429, Duration.ofHours(1), true, NOW).nextAttemptAt())
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(AttemptDecision.after(API, 1, 503, Duration.ofMinutes(2), true, NOW).nextAttemptAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(AttemptDecision.after(API, 1, null, null, true, NOW).status()).isEqualTo(AttemptDecision.FAILED);
        assertThat(AttemptDecision.after(API, 8, 500, null, true, NOW).status()).isEqualTo(AttemptDecision.DEAD);
        AttemptDecision gone = AttemptDecision.after(API, 1, 410, null, true, NOW);
        assertThat(gone.status()).isEqualTo(AttemptDecision.DEAD);
        assertThat(gone.disableEndpoint()).isTrue();
        assertThat(AttemptDecision.after(API, 1, 410, null, false, NOW).disableEndpoint()).isFalse();
        assertThat(AttemptDecision.after(API, 1, 302, null, true, NOW).status()).isEqualTo(AttemptDecision.FAILED);
    }
}
