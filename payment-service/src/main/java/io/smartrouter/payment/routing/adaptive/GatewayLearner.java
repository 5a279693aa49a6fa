package io.smartrouter.payment.routing.adaptive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each gateway configuration achieved recently, per {@link Segment}: approvals, failures (soft declines and
 * gateway errors) and latency over a sliding time window.
 *
 * <p>Each (configuration, segment) keeps a ring of {@code window / bucket} time buckets, so memory is bounded by the
 * number of active (configuration, segment) pairs, whatever the traffic; pairs with nothing left in the window are
 * dropped. An outcome is recorded in its own segment and every coarser one, so an estimate is one lookup per level.
 * Older buckets weigh less: a bucket's counts are multiplied by {@code 0.5^(age / halfLife)}, so a change shows within
 * about a half-life while the window bounds what is kept. The decayed counts are what the Thompson sampler sees:
 * evidence about a gateway that gets no traffic fades, its posterior widens, and it is explored again.
 *
 * <p>Latency is the decayed mean over the same buckets, of attempts that had one (3-D Secure challenges, which wait
 * for the customer, are recorded without latency). Thread-safe: the Kafka listener records while requests rank.
 */
public final class GatewayLearner {

    /**
     * @param window how far back outcomes count (bounded memory)
     * @param bucket the time granularity of the window
     * @param halfLife the age at which an outcome weighs half
     * @param minObservations the decayed count a segment needs before it is used rather than a coarser one
     */
    public record Settings(Duration window, Duration bucket, Duration halfLife, double minObservations) {

        /**
         * Tuned with the routing benchmark: a 30-second half-life moves traffic off a degraded gateway in about 30-45
         * seconds at 10 payments a second (20 s was barely faster and noisier; 60 s took about 45-55 s); past 5 minutes
         * an outcome weighs under 1/1000, so a longer window would only cost memory.
         */
        public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(5), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 30);

        public Settings {
            if (bucket.isZero() || bucket.isNegative() || window.compareTo(bucket) < 0 || halfLife.isZero()
                    || halfLife.isNegative()) {
                throw new IllegalArgumentException("need 0 < bucket <= window and a positive half-life");
            }
        }

        int buckets() {
            return (int) Math.max(1, window.toMillis() / bucket.toMillis());
        }
    }

    /**
     * What is known of a gateway in a segment.
     *
     * @param basis the segment the numbers come from (the requested one or a coarser one)
     * @param approvals decayed count of approvals
     * @param failures decayed count of soft declines and gateway errors
     * @param latencySeconds decayed mean latency, {@code NaN} when nothing was measured
     */
    public record Estimate(Segment basis, double approvals, double failures, double latencySeconds) {

        /** The posterior mean of the approval rate under a uniform prior: (approvals + 1) / (n + 2). */
        public double approvalRate() {
            return (approvals + 1.0) / (approvals + failures + 2.0);
        }

        public double observations() {
            return approvals + failures;
        }
    }

    private record Key(String configurationId, Segment segment) {
    }

    private final Settings settings;
    private final Clock clock;
    private final long bucketMillis;
    private final int buckets;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong lastPrunedBucket = new AtomicLong(Long.MIN_VALUE);

    public GatewayLearner(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.bucketMillis = settings.bucket().toMillis();
        this.buckets = settings.buckets();
    }

    public Settings settings() {
        return settings;
    }

    /** Records a first attempt: {@link #record(String, Segment, AuthorizationOutcome, Duration, Instant, boolean)}. */
    public void record(String configurationId, Segment segment, AuthorizationOutcome outcome, Duration latency,
            Instant at) {
        record(configurationId, segment, outcome, latency, at, false);
    }

    /**
     * Records one authorization attempt at {@code configurationId}, in {@code segment} and every coarser segment.
     * {@code latency} may be {@code null} (not measured). Outcomes older than the window are ignored, as are excluded
     * ones.
     *
     * <p>A {@code retry} (a fallback after a decline, or any new attempt with the same card in the same transaction)
     * counts only its gateway error and its latency: its approval or decline is not a fair sample of the gateway, the
     * card having just been declined (issuers approve such retries much less often). Counting them made the fallback
     * gateways look worse the more a degraded gateway sent them its declines, and kept traffic on the degraded one.
     */
    public void record(String configurationId, Segment segment, AuthorizationOutcome outcome, Duration latency,
            Instant at, boolean retry) {
        long now = bucketOf(clock.instant());
        pruneOnce(now);
        if (!outcome.counts()) {
            return;
        }
        long bucket = Math.min(bucketOf(at), now);
        if (bucket <= now - buckets) {
            return;
        }
        double seconds = latency == null ? Double.NaN : latency.toNanos() / 1e9;
        int kind = outcome == AuthorizationOutcome.GATEWAY_ERROR ? Window.FAILURE
                : retry ? Window.LATENCY_ONLY
                : outcome == AuthorizationOutcome.APPROVED ? Window.APPROVAL : Window.FAILURE;
        for (Segment level : segment.fromFinestToGlobal()) {
            // compute, not computeIfAbsent + add: atomic per key against pruning, so no outcome lands in a dropped window
            windows.compute(new Key(configurationId, level), (key, window) -> {
                Window target = window == null ? new Window(buckets) : window;
                target.add(bucket, kind, seconds);
                return target;
            });
        }
    }

    /**
     * The estimate for {@code configurationId} in the finest of {@code segment}'s chain with at least
     * {@link Settings#minObservations()} decayed observations; otherwise the global one, however little it has (none:
     * zero counts, the uniform prior).
     */
    public Estimate estimate(String configurationId, Segment segment) {
        long now = bucketOf(clock.instant());
        Estimate last = null;
        for (Segment level : segment.fromFinestToGlobal()) {
            Window window = windows.get(new Key(configurationId, level));
            last = window == null ? new Estimate(level, 0, 0, Double.NaN) : window.estimate(level, now);
            if (last.observations() >= settings.minObservations()) {
                return last;
            }
        }
        return last;
    }

    /**
     * What the window holds for {@code configurationId} in exactly {@code segment}, without decay or fallback: for
     * metrics and tests (routing uses {@link #estimate}).
     */
    public Estimate totals(String configurationId, Segment segment) {
        Window window = windows.get(new Key(configurationId, segment));
        return window == null ? new Estimate(segment, 0, 0, Double.NaN)
                : window.totals(segment, bucketOf(clock.instant()));
    }

    /** How many (configuration, segment) windows are held: the learner's memory, for tests and metrics. */
    public int windowCount() {
        return windows.size();
    }

    private long bucketOf(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), bucketMillis);
    }

    /** Drops windows with nothing left in them, once per bucket. */
    private void pruneOnce(long now) {
        long last = lastPrunedBucket.get();
        if (last != now && lastPrunedBucket.compareAndSet(last, now)) {
            for (Key key : windows.keySet()) {
                windows.computeIfPresent(key, (k, window) -> window.isEmptyAt(now) ? null : window);
            }
        }
    }

    private double weight(long age) {
        return Math.pow(0.5, (double) (age * bucketMillis) / settings.halfLife().toMillis());
    }

    /** One (configuration, segment)'s ring of buckets; bucket {@code b} lives in slot {@code b mod size}. */
    private final class Window {

        static final int APPROVAL = 0;
        static final int FAILURE = 1;
        static final int LATENCY_ONLY = 2;

        private final long[] index;
        private final double[] approvals;
        private final double[] failures;
        private final double[] latencySum;
        private final double[] latencyCount;

        Window(int size) {
            index = new long[size];
            Arrays.fill(index, Long.MIN_VALUE);
            approvals = new double[size];
            failures = new double[size];
            latencySum = new double[size];
            latencyCount = new double[size];
        }

        synchronized void add(long bucket, int kind, double latencySeconds) {
            int slot = (int) Math.floorMod(bucket, (long) index.length);
            if (index[slot] != bucket) {
                if (index[slot] > bucket) {
                    return; // the slot already holds a newer bucket: this outcome is older than the window
                }
                index[slot] = bucket;
                approvals[slot] = 0;
                failures[slot] = 0;
                latencySum[slot] = 0;
                latencyCount[slot] = 0;
            }
            if (kind == APPROVAL) {
                approvals[slot]++;
            } else if (kind == FAILURE) {
                failures[slot]++;
            }
            if (!Double.isNaN(latencySeconds)) {
                latencySum[slot] += latencySeconds;
                latencyCount[slot]++;
            }
        }

        synchronized Estimate totals(Segment level, long now) {
            return sum(level, now, false);
        }

        synchronized Estimate estimate(Segment level, long now) {
            return sum(level, now, true);
        }

        private Estimate sum(Segment level, long now, boolean decayed) {
            double ok = 0;
            double failed = 0;
            double latency = 0;
            double measured = 0;
            for (int slot = 0; slot < index.length; slot++) {
                long age = now - index[slot];
                if (index[slot] == Long.MIN_VALUE || age < 0 || age >= index.length) {
                    continue;
                }
                double w = decayed ? weight(age) : 1.0;
                ok += w * approvals[slot];
                failed += w * failures[slot];
                latency += w * latencySum[slot];
                measured += w * latencyCount[slot];
            }
            return new Estimate(level, ok, failed, measured > 0 ? latency / measured : Double.NaN);
        }

        synchronized boolean isEmptyAt(long now) {
            for (long bucket : index) {
                if (bucket != Long.MIN_VALUE && now - bucket < index.length) {
                    return false;
                }
            }
            return true;
        }
    }
}
