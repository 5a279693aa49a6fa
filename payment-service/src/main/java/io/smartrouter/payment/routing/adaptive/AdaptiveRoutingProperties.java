package io.smartrouter.payment.routing.adaptive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the adaptive routing learner ({@code smartrouter.payment.routing.adaptive.*}).
 *
 * @param feed where outcomes come from: {@code events} (the payments topic, the default) or {@code direct} (the router
 *     calls {@link GatewayLearner#record}; the listener is then not started, so nothing is counted twice)
 * @param window how far back outcomes count, and how far back a starting instance replays the payments topic
 * @param bucket the window's time granularity
 * @param halfLife the age at which an outcome weighs half
 * @param minObservations the decayed observations a segment needs before it is used rather than a coarser one
 * @param latencyWeight approval-rate penalty per second of mean latency (0.02 = 2 points per second)
 * @param outcomeTimeout an authorization without outcome after this long counts as a gateway error (the PSP timeout
 *     plus a margin for the outcome event to arrive)
 * @param challengeTimeout how long a 3-D Secure challenge is awaited before it is forgotten
 * @param maxInFlight the most authorizations awaiting an outcome held in memory
 * @param seed the Thompson sampler's seed; unset: a random seed per instance
 */
@ConfigurationProperties("smartrouter.payment.routing.adaptive")
public record AdaptiveRoutingProperties(String feed, Duration window, Duration bucket, Duration halfLife,
        Double minObservations, Double latencyWeight, Duration outcomeTimeout, Duration challengeTimeout,
        Integer maxInFlight, Long seed) {

    public AdaptiveRoutingProperties {
        GatewayLearner.Settings defaults = GatewayLearner.Settings.DEFAULTS;
        feed = feed == null ? "events" : feed;
        window = window == null ? defaults.window() : window;
        bucket = bucket == null ? defaults.bucket() : bucket;
        halfLife = halfLife == null ? defaults.halfLife() : halfLife;
        minObservations = minObservations == null ? defaults.minObservations() : minObservations;
        latencyWeight = latencyWeight == null ? AdaptiveRouting.DEFAULT_LATENCY_WEIGHT : latencyWeight;
        outcomeTimeout = outcomeTimeout == null ? Duration.ofSeconds(25) : outcomeTimeout;
        challengeTimeout = challengeTimeout == null ? Duration.ofMinutes(20) : challengeTimeout;
        maxInFlight = maxInFlight == null ? 100_000 : maxInFlight;
        if (!feed.equals("events") && !feed.equals("direct")) {
            throw new IllegalArgumentException("smartrouter.payment.routing.adaptive.feed must be events or direct");
        }
    }

    GatewayLearner.Settings learnerSettings() {
        return new GatewayLearner.Settings(window, bucket, halfLife, minObservations);
    }
}
