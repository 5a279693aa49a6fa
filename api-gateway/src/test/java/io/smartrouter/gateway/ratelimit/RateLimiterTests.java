package io.smartrouter.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.config.GatewayProperties;
import io.smartrouter.platform.id.ProjectId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    static final ProjectId DEMO = new ProjectId("test-proj_demo");
    static final ProjectId OTHER = new ProjectId("test-proj_other");

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final RateLimiter limiter = new RateLimiter(new GatewayProperties.RateLimit(
            new GatewayProperties.Bucket(3, 2.0), new GatewayProperties.Bucket(2, 0.5)), nanos::get);

    @Test
    void aBurstUpToTheCapacityThenOneTokenPerRefillInterval() {
        assertThat(limiter.take(DEMO, "/invoices")).isEqualTo(new RateLimitDecision(true, 3, 2, 0));
        assertThat(limiter.take(DEMO, "/invoices")).isEqualTo(new RateLimitDecision(true, 3, 1, 0));
        assertThat(limiter.take(DEMO, "/invoices")).isEqualTo(new RateLimitDecision(true, 3, 0, 0));
        assertThat(limiter.take(DEMO, "/invoices")).isEqualTo(new RateLimitDecision(false, 3, 0, 1));
        nanos.addAndGet(500_000_000L);
        assertThat(limiter.take(DEMO, "/invoices").allowed()).isTrue();
        assertThat(limiter.take(DEMO, "/invoices").allowed()).isFalse();
        nanos.addAndGet(60_000_000_000L);
        assertThat(limiter.take(DEMO, "/invoices")).isEqualTo(new RateLimitDecision(true, 3, 2, 0));
    }

    @Test
    void eventPollingHasItsOwnBucketAndEachProjectItsOwn() {
        assertThat(limiter.take(DEMO, "/events").remaining()).isEqualTo(1);
        assertThat(limiter.take(DEMO, "/events/ev_1").remaining()).isZero();
        RateLimitDecision refused = limiter.take(DEMO, "/events");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
        assertThat(limiter.take(DEMO, "/invoices").allowed()).isTrue();
        assertThat(limiter.take(OTHER, "/events").allowed()).isTrue();
        assertThat(limiter.take(DEMO, "/eventsx").limit()).isEqualTo(3);
    }
}
