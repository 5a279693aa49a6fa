package io.smartrouter.webhook.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dispatcher's settings ({@code smartrouter.webhook.*}); every default is API.md's.
 *
 * @param retrySchedule the delay before each attempt of a delivery: the first is normally zero (at once), the last
 *     failure after the last entry dead-letters the delivery
 * @param retryJitter the random spread of each retry delay, as a fraction (0.2 = ±20 %)
 * @param connectTimeout how long to wait for a receiver's TCP/TLS connection
 * @param responseTimeout how long a receiver has to answer (a 2xx within it is success)
 * @param secretOverlap how long a rotated-out secret keeps signing next to the new one
 * @param disableAfterFailing an endpoint failing without any success for this long is disabled
 * @param allowPrivateAddresses whether URLs may resolve to loopback, private, link-local or metadata addresses (true
 *     in the embedded default so local receivers work; false in the production profile)
 * @param keys where the key that seals signing secrets comes from: {@code local-file} or {@code environment}
 *     ({@code SMARTROUTER_WEBHOOK_SECRETS_KEY}, base64 of 32 bytes)
 * @param keyFile the local key file
 * @param maxConcurrency deliveries in flight at once, over all receivers
 * @param maxConcurrencyPerEndpoint deliveries in flight at once to one receiver (a slow one holds only these)
 * @param batchSize due deliveries claimed per poll
 * @param pollInterval how often the worker looks for due deliveries when nothing wakes it earlier
 * @param maxLoggedResponseBytes how much of a response body the delivery log keeps
 * @param retention how long public events, their deliveries and attempts are kept once no delivery of theirs is still
 *     to be attempted
 * @param retentionInterval how often events past their retention are deleted
 */
@ConfigurationProperties("smartrouter.webhook")
public record DispatcherProperties(List<Duration> retrySchedule, Double retryJitter, Duration connectTimeout,
        Duration responseTimeout, Duration secretOverlap, Duration disableAfterFailing, Boolean allowPrivateAddresses,
        String keys, Path keyFile, Integer maxConcurrency, Integer maxConcurrencyPerEndpoint, Integer batchSize,
        Duration pollInterval, Integer maxLoggedResponseBytes, Duration retention, Duration retentionInterval) {

    public static final List<Duration> API_SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10));

    public DispatcherProperties {
        retrySchedule = retrySchedule == null || retrySchedule.isEmpty() ? API_SCHEDULE : List.copyOf(retrySchedule);
        retryJitter = retryJitter == null ? 0.2 : retryJitter;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(15) : responseTimeout;
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
        disableAfterFailing = disableAfterFailing == null ? Duration.ofDays(5) : disableAfterFailing;
        allowPrivateAddresses = allowPrivateAddresses == null || allowPrivateAddresses;
        keys = keys == null ? "local-file" : keys;
        maxConcurrency = maxConcurrency == null ? 512 : maxConcurrency;
        maxConcurrencyPerEndpoint = maxConcurrencyPerEndpoint == null ? 16 : maxConcurrencyPerEndpoint;
        batchSize = batchSize == null ? 500 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        maxLoggedResponseBytes = maxLoggedResponseBytes == null ? 1024 : maxLoggedResponseBytes;
        retention = retention == null ? Duration.ofDays(30) : retention;
        retentionInterval = retentionInterval == null ? Duration.ofMinutes(10) : retentionInterval;
        if (retention.isNegative() || retention.isZero() || retentionInterval.isNegative() || retentionInterval.isZero()) {
            throw new IllegalArgumentException("smartrouter.webhook.retention and retention-interval must be positive");
        }
    }

    /** A claimed delivery whose worker did not report back within this is due again (the worker crashed). */
    public Duration claimTimeout() {
        return connectTimeout.plus(responseTimeout).plus(Duration.ofSeconds(30));
    }
}
