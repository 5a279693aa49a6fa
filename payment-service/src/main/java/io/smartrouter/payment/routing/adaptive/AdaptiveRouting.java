package io.smartrouter.payment.routing.adaptive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Orders eligible gateway configurations by Thompson sampling over what {@link GatewayLearner} has seen, for payments
 * that no routing rule decides.
 *
 * <p>For each configuration: take the learner's estimate in the payment's segment (or the finest coarser segment
 * with enough data), draw {@code p ~ Beta(approvals + 1, failures + 1)}, and score it
 * {@code p − latencyWeight · latencySeconds} (a configuration with no measured latency gets no penalty, so an
 * unknown gateway is tried). Highest score first; ties keep the caller's order. A gateway with plenty of good recent
 * evidence wins almost always; a degraded one loses traffic as its recent failures accumulate; one that got little
 * traffic has a wide posterior and still wins now and then, which is how a recovered gateway is found again.
 */
public final class AdaptiveRouting {

    /** The default penalty: one second of mean latency costs as much as 2 points of approval rate. */
    public static final double DEFAULT_LATENCY_WEIGHT = 0.02;

    private final GatewayLearner learner;
    private final RandomGenerator random;
    private final double latencyWeight;

    /**
     * @param random the source of the Thompson draws; seed it for reproducible rankings (it need not be thread-safe:
     *     draws are serialised here)
     * @param latencyWeight approval-rate points per second of mean latency, as a fraction (0.02 = 2 points per second)
     */
    public AdaptiveRouting(GatewayLearner learner, RandomGenerator random, double latencyWeight) {
        if (latencyWeight < 0) {
            throw new IllegalArgumentException("latency weight must not be negative");
        }
        this.learner = learner;
        this.random = random;
        this.latencyWeight = latencyWeight;
    }

    public Ranking rank(List<String> eligibleConfigurationIds, Segment segment) {
        List<Scored> scored = new ArrayList<>(eligibleConfigurationIds.size());
        for (String id : eligibleConfigurationIds) {
            GatewayLearner.Estimate estimate = learner.estimate(id, segment);
            double sample = draw(estimate);
            double penalty = Double.isNaN(estimate.latencySeconds()) ? 0.0 : latencyWeight * estimate.latencySeconds();
            scored.add(new Scored(id, estimate, sample - penalty));
        }
        // List.sort is stable: equal scores keep the caller's order.
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<String> order = scored.stream().map(Scored::id).toList();
        return new Ranking(order, tags(segment, scored));
    }

    private double draw(GatewayLearner.Estimate estimate) {
        synchronized (random) {
            return BetaSampler.beta(random, estimate.approvals() + 1.0, estimate.failures() + 1.0);
        }
    }

    private static List<String> tags(Segment segment, List<Scored> scored) {
        StringBuilder approval = new StringBuilder("p_approval:");
        StringBuilder latency = new StringBuilder("latency_ms:");
        StringBuilder basis = new StringBuilder("basis:");
        for (int i = 0; i < scored.size(); i++) {
            Scored one = scored.get(i);
            String separator = i == 0 ? "" : ",";
            approval.append(separator).append(one.id()).append('=')
                    .append(String.format(Locale.ROOT, "%.2f", one.estimate().approvalRate()));
            double seconds = one.estimate().latencySeconds();
            latency.append(separator).append(one.id()).append('=')
                    .append(Double.isNaN(seconds) ? "?" : String.valueOf(Math.round(seconds * 1000)));
            basis.append(separator).append(one.id()).append('=').append(one.estimate().basis().label())
                    .append('@').append(Math.round(one.estimate().observations()));
        }
        return List.of("adaptive", "segment:" + segment.label(), approval.toString(), latency.toString(),
                basis.toString());
    }

    private record Scored(String id, GatewayLearner.Estimate estimate, double score) {
    }
}
