package io.smartrouter.payment.routing.health;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.smartrouter.payment.connector.OperationOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A circuit breaker and a bulkhead (bounded concurrent calls) per gateway configuration, so the router never hammers
 * a gateway that is down nor piles calls onto a slow one: an attempt first asks {@link #admit}; a refusal is immediate
 * (the router skips that gateway), never a wait. Only gateway errors count as failures (unknown and unavailable
 * outcomes); declines are the gateway working.
 */
public class GatewayHealth {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;

    public GatewayHealth(Settings settings, Clock clock) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .clock(clock)
                .currentTimestampFunction(c -> c.millis(), TimeUnit.MILLISECONDS)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    /** Lets one call through to a gateway configuration, or says why not (circuit open, bulkhead full). */
    public Admission admit(String gatewayConfigurationId) {
        Bulkhead bulkhead = bulkheads.bulkhead(gatewayConfigurationId);
        if (!bulkhead.tryAcquirePermission()) {
            return new Refused("bulkhead-full");
        }
        CircuitBreaker breaker = breakers.circuitBreaker(gatewayConfigurationId);
        if (!breaker.tryAcquirePermission()) {
            bulkhead.onComplete();
            return new Refused("circuit-" + breaker.getState().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return new Permit(breaker, bulkhead);
    }

    /** The circuit's state, e.g. for tests and diagnostics. */
    public CircuitBreaker.State state(String gatewayConfigurationId) {
        return breakers.circuitBreaker(gatewayConfigurationId).getState();
    }

    /** An answer to {@link #admit}. */
    public sealed interface Admission {
    }

    /** Refused at once; {@code reason} goes into the routing tags. */
    public record Refused(String reason) implements Admission {
    }

    /** Let through: report the call's outcome exactly once. */
    public static final class Permit implements Admission {

        private final CircuitBreaker breaker;
        private final Bulkhead bulkhead;

        Permit(CircuitBreaker breaker, Bulkhead bulkhead) {
            this.breaker = breaker;
            this.bulkhead = bulkhead;
        }

        /** The call was not made after all (its intent was refused): frees the permit without counting anything. */
        public void release() {
            breaker.releasePermission();
            bulkhead.onComplete();
        }

        public void record(OperationOutcome outcome, Duration took) {
            try {
                if (outcome instanceof OperationOutcome.Unknown || outcome instanceof OperationOutcome.Unavailable) {
                    breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, new GatewayError(outcome));
                } else {
                    breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
                }
            } finally {
                bulkhead.onComplete();
            }
        }
    }

    /** How a gateway error reaches the breaker (which wants a throwable); no stack trace, no card data. */
    static final class GatewayError extends RuntimeException {
        GatewayError(OperationOutcome outcome) {
            super(outcome.getClass().getSimpleName(), null, false, false);
        }
    }

    /**
     * The thresholds ({@code smartrouter.payment.routing.*}).
     *
     * @param failureRateThreshold the percentage of gateway errors among the last calls that opens the circuit
     * @param slidingWindowSize how many last calls count
     * @param minimumNumberOfCalls how many calls before the rate means anything
     * @param waitInOpenState how long an open circuit refuses calls before letting a few through (half-open)
     * @param permittedCallsInHalfOpenState how many trial calls a half-open circuit lets through
     * @param maxConcurrentCalls the bulkhead: calls in progress to one configuration at most
     */
    public record Settings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
            Duration waitInOpenState, int permittedCallsInHalfOpenState, int maxConcurrentCalls) {

        public static Settings defaults() {
            return new Settings(50, 20, 5, Duration.ofSeconds(30), 2, 50);
        }
    }
}
