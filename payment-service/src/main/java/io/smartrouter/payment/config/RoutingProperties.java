package io.smartrouter.payment.config;

import io.smartrouter.payment.routing.health.GatewayHealth;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The router's settings ({@code smartrouter.payment.routing.*}).
 *
 * @param settingsKeys where the gateway settings key comes from: {@code local-file} (embedded default) or
 *     {@code environment} ({@code SMARTROUTER_PAYMENT_SETTINGS_KEY}, the production profile)
 * @param settingsKeyFile the local key file; default {@code <data-dir>/payment-service/gateway-settings.key}
 * @param failureRateThreshold the percentage of gateway errors that opens a configuration's circuit
 * @param slidingWindowSize how many last calls the rate is computed over
 * @param minimumNumberOfCalls how many calls before the rate counts
 * @param waitInOpenState how long an open circuit refuses calls before letting trial calls through
 * @param permittedCallsInHalfOpenState how many trial calls a half-open circuit lets through
 * @param maxConcurrentCalls the bulkhead: calls in progress to one configuration at most
 */
@ConfigurationProperties("smartrouter.payment.routing")
public record RoutingProperties(String settingsKeys, String settingsKeyFile, Float failureRateThreshold,
        Integer slidingWindowSize, Integer minimumNumberOfCalls, Duration waitInOpenState,
        Integer permittedCallsInHalfOpenState, Integer maxConcurrentCalls) {

    public RoutingProperties {
        var defaults = GatewayHealth.Settings.defaults();
        settingsKeys = settingsKeys == null ? "local-file" : settingsKeys;
        failureRateThreshold = failureRateThreshold == null ? defaults.failureRateThreshold() : failureRateThreshold;
        slidingWindowSize = slidingWindowSize == null ? defaults.slidingWindowSize() : slidingWindowSize;
        minimumNumberOfCalls = minimumNumberOfCalls == null ? defaults.minimumNumberOfCalls() : minimumNumberOfCalls;
        waitInOpenState = waitInOpenState == null ? defaults.waitInOpenState() : waitInOpenState;
        permittedCallsInHalfOpenState = permittedCallsInHalfOpenState == null
                ? defaults.permittedCallsInHalfOpenState() : permittedCallsInHalfOpenState;
        maxConcurrentCalls = maxConcurrentCalls == null ? defaults.maxConcurrentCalls() : maxConcurrentCalls;
    }

    GatewayHealth.Settings health() {
        return new GatewayHealth.Settings(failureRateThreshold, slidingWindowSize, minimumNumberOfCalls,
                waitInOpenState, permittedCallsInHalfOpenState, maxConcurrentCalls);
    }
}
