package io.smartrouter.payment.routing.adaptive;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.smartrouter.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The routing benchmark's world: three simulated PSPs, payments arriving at random, and a router that ranks the
 * gateways with a strategy, skips those whose circuit breaker is open, and falls back to the next one on soft
 * declines and gateway errors. Discrete-event simulation in simulated time: payments overlap as in production (an
 * outcome reaches the learner only when its attempt completes), and a run of minutes takes milliseconds.
 *
 * <p>The model, per payment: with {@link Scenario#hardDeclineShare} the card is declined by its issuer everywhere
 * (hard: never retried, not learned from). Otherwise an attempt at PSP {@code g} at time {@code t} is approved with
 * {@code rate(g, t)}, times {@link Scenario#retryFactor} on a fallback attempt (issuers approve a card that was just
 * declined elsewhere less often: 1 = independent attempts, 0 = a fallback never turns a decline into an approval), and
 * soft-declined otherwise. A PSP in outage answers "unavailable" at once.
 */
final class RoutingSimulation {

    enum Strategy { ADAPTIVE, STATIC, ORACLE }

    /** What happens in the world; times are offsets from the start of the run. */
    record Scenario(Duration length, double paymentsPerSecond, Map<String, Double> rates, String degraded,
            Duration degradedFrom, double degradedRate, String outage, Duration outageFrom, Duration outageLength,
            Map<String, Duration> medianLatency, double latencySigma, double hardDeclineShare, double retryFactor) {

        static Scenario standard(double retryFactor) {
            return new Scenario(Duration.ofMinutes(8), 10, Map.of("psp-a", 0.90, "psp-b", 0.85, "psp-c", 0.80),
                    "psp-a", Duration.ofMinutes(4), 0.50, "psp-b", Duration.ofSeconds(330), Duration.ofSeconds(30),
                    Map.of("psp-a", Duration.ofMillis(250), "psp-b", Duration.ofMillis(350), "psp-c",
                            Duration.ofMillis(450)), 0.5, 0.03, retryFactor);
        }

        double rate(String gateway, double second) {
            if (gateway.equals(degraded) && second >= degradedFrom.toMillis() / 1000.0) {
                return degradedRate;
            }
            return rates.get(gateway);
        }

        boolean down(String gateway, double second) {
            double from = outageFrom.toMillis() / 1000.0;
            return gateway.equals(outage) && second >= from && second < from + outageLength.toMillis() / 1000.0;
        }
    }

    /** What one run measured. */
    record Result(Strategy strategy, int payments, int approved, int approvedAfterDrop, int paymentsAfterDrop,
            double p50Millis, double p99Millis, double attemptsPerPayment, double secondsToShift,
            int waitedOnOpenCircuit, int callsToDownGateway, int skippedOpenCircuit) {

        double approvalRate() {
            return (double) approved / payments;
        }

        double approvalRateAfterDrop() {
            return (double) approvedAfterDrop / paymentsAfterDrop;
        }
    }

    static final List<String> GATEWAYS = List.of("psp-a", "psp-b", "psp-c");
    private static final Instant EPOCH = Instant.parse("2026-11-02T10:00:00Z");
    private static final Segment[] SEGMENTS = {
        new Segment("EUR", "visa", "FR"), new Segment("EUR", "mastercard", "DE"), new Segment("USD", "visa", "US")
    };
    private static final Duration UNAVAILABLE_AFTER = Duration.ofMillis(20);
    private static final double SHARE_WINDOW_SECONDS = 10;

    private final Scenario scenario;
    private final Strategy strategy;
    private final GatewayLearner.Settings learnerSettings;
    private final double latencyWeight;
    private final long seed;

    RoutingSimulation(Scenario scenario, Strategy strategy, GatewayLearner.Settings learnerSettings,
            double latencyWeight, long seed) {
        this.scenario = scenario;
        this.strategy = strategy;
        this.learnerSettings = learnerSettings;
        this.latencyWeight = latencyWeight;
        this.seed = seed;
    }

    /** The router's breakers: one per gateway, failures = gateway errors, open = skipped without a call. */
    static CircuitBreakerConfig breakerConfig(java.time.Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(3)
                .clock(clock)
                .build();
    }

    private record Event(double second, long order, Payment payment) {
    }

    private final class Payment {
        final double arrived;
        final Segment segment;
        final boolean hardDeclined;
        List<String> order;
        int next;
        int attempts;
        String current;
        double currentStarted;
        boolean currentUnavailable;
        boolean currentApproved;

        Payment(double arrived, Segment segment, boolean hardDeclined) {
            this.arrived = arrived;
            this.segment = segment;
            this.hardDeclined = hardDeclined;
        }
    }

    Result run() {
        MutableClock clock = new MutableClock(EPOCH);
        SplittableRandom world = new SplittableRandom(seed);
        GatewayLearner learner = new GatewayLearner(learnerSettings, clock);
        AdaptiveRouting adaptive = new AdaptiveRouting(learner, new SplittableRandom(seed ^ 0x5DEECE66DL),
                latencyWeight);
        Map<String, CircuitBreaker> breakers = new HashMap<>();
        for (String gateway : GATEWAYS) {
            breakers.put(gateway, CircuitBreaker.of(gateway, breakerConfig(clock)));
        }
        PriorityQueue<Event> events = new PriorityQueue<>(Comparator.comparingDouble(Event::second)
                .thenComparingLong(Event::order));
        long order = 0;
        double end = scenario.length().toMillis() / 1000.0;
        for (double t = exponential(world, scenario.paymentsPerSecond()); t < end;
                t += exponential(world, scenario.paymentsPerSecond())) {
            Payment payment = new Payment(t, SEGMENTS[world.nextInt(SEGMENTS.length)],
                    world.nextDouble() < scenario.hardDeclineShare());
            events.add(new Event(t, order++, payment));
        }
        double drop = scenario.degradedFrom().toMillis() / 1000.0;
        List<Double> latencies = new ArrayList<>();
        List<double[]> firstChoices = new ArrayList<>(); // {second, 1 if the degraded PSP was ranked first}
        int payments = 0;
        int approved = 0;
        int paymentsAfterDrop = 0;
        int approvedAfterDrop = 0;
        int attempts = 0;
        int waitedOnOpen = 0;
        int callsToDown = 0;
        int skipped = 0;
        while (!events.isEmpty()) {
            Event event = events.poll();
            clock.set(EPOCH.plusNanos((long) (event.second() * 1e9)));
            Payment payment = event.payment();
            if (payment.order == null) {
                payment.order = rank(adaptive, payment, event.second());
                firstChoices.add(new double[] {event.second(),
                        payment.order.get(0).equals(scenario.degraded()) ? 1 : 0});
            } else {
                boolean done = complete(payment, event.second(), learner, breakers.get(payment.current));
                if (done) {
                    payments++;
                    latencies.add((event.second() - payment.arrived) * 1000);
                    attempts += payment.attempts;
                    if (payment.currentApproved) {
                        approved++;
                    }
                    if (payment.arrived >= drop) {
                        paymentsAfterDrop++;
                        approvedAfterDrop += payment.currentApproved ? 1 : 0;
                    }
                    continue;
                }
            }
            // Start the next attempt: the first gateway whose breaker permits a call.
            String gateway = null;
            while (payment.next < payment.order.size()) {
                String candidate = payment.order.get(payment.next++);
                CircuitBreaker breaker = breakers.get(candidate);
                if (breaker.tryAcquirePermission()) {
                    if (breaker.getState() == CircuitBreaker.State.OPEN) {
                        waitedOnOpen++;
                    }
                    gateway = candidate;
                    break;
                }
                skipped++;
            }
            if (gateway == null) {
                payments++;
                latencies.add((event.second() - payment.arrived) * 1000);
                attempts += payment.attempts;
                if (payment.arrived >= drop) {
                    paymentsAfterDrop++;
                }
                continue;
            }
            payment.attempts++;
            payment.current = gateway;
            payment.currentStarted = event.second();
            payment.currentUnavailable = scenario.down(gateway, event.second());
            double took;
            if (payment.currentUnavailable) {
                callsToDown++;
                took = UNAVAILABLE_AFTER.toMillis() / 1000.0;
            } else {
                took = scenario.medianLatency().get(gateway).toMillis() / 1000.0
                        * Math.exp(scenario.latencySigma() * gaussian(world));
                double rate = scenario.rate(gateway, event.second()) * (payment.attempts > 1 ? scenario.retryFactor() : 1);
                payment.currentApproved = !payment.hardDeclined && world.nextDouble() < rate;
            }
            events.add(new Event(event.second() + took, order++, payment));
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(strategy, payments, approved, approvedAfterDrop, paymentsAfterDrop, percentile(sorted, 0.50),
                percentile(sorted, 0.99), (double) attempts / payments, secondsToShift(firstChoices, drop),
                waitedOnOpen, callsToDown, skipped);
    }

    /** Records the attempt's outcome; answers whether the payment is finished (approved, hard-declined, or no more). */
    private boolean complete(Payment payment, double second, GatewayLearner learner, CircuitBreaker breaker) {
        long tookNanos = (long) ((second - payment.currentStarted) * 1e9);
        Duration took = Duration.ofNanos(tookNanos);
        Instant at = EPOCH.plusNanos((long) (second * 1e9));
        boolean retry = payment.attempts > 1;
        if (payment.currentUnavailable) {
            breaker.onError(tookNanos, TimeUnit.NANOSECONDS, new IllegalStateException("unavailable"));
            learner.record(payment.current, payment.segment, AuthorizationOutcome.GATEWAY_ERROR, took, at, retry);
            payment.currentApproved = false;
            return payment.next >= payment.order.size();
        }
        breaker.onSuccess(tookNanos, TimeUnit.NANOSECONDS);
        if (payment.currentApproved) {
            learner.record(payment.current, payment.segment, AuthorizationOutcome.APPROVED, took, at, retry);
            return true;
        }
        if (payment.hardDeclined) {
            learner.record(payment.current, payment.segment, AuthorizationOutcome.EXCLUDED, took, at, retry);
            return true;
        }
        learner.record(payment.current, payment.segment, AuthorizationOutcome.SOFT_DECLINE, took, at, retry);
        return payment.next >= payment.order.size();
    }

    private List<String> rank(AdaptiveRouting adaptive, Payment payment, double second) {
        switch (strategy) {
            case ADAPTIVE:
                return adaptive.rank(GATEWAYS, payment.segment).order();
            case STATIC:
                return GATEWAYS;
            case ORACLE:
                // The true current approval rate (0 while down), the same latency penalty as the adaptive score.
                List<String> byTruth = new ArrayList<>(GATEWAYS);
                byTruth.sort(Comparator.comparingDouble((String g) -> -(scenario.down(g, second) ? 0
                        : scenario.rate(g, second) - latencyWeight * scenario.medianLatency().get(g).toMillis() / 1000.0)));
                return byTruth;
            default:
                throw new IllegalStateException("unknown strategy " + strategy);
        }
    }

    /**
     * Seconds from the drop until the degraded PSP's share of first choices, over a sliding 10-second window, falls
     * below 20 % and stays there until the end; {@code NaN} if it never does.
     */
    private static double secondsToShift(List<double[]> firstChoices, double drop) {
        double[] times = firstChoices.stream().mapToDouble(c -> c[0]).toArray();
        double[] toDegraded = firstChoices.stream().mapToDouble(c -> c[1]).toArray();
        double lastAbove = Double.NaN;
        boolean everBelow = false;
        int from = 0;
        double sum = 0;
        for (int i = 0; i < times.length; i++) {
            sum += toDegraded[i];
            while (times[from] <= times[i] - SHARE_WINDOW_SECONDS) {
                sum -= toDegraded[from++];
            }
            if (times[i] < drop + SHARE_WINDOW_SECONDS) {
                continue;
            }
            double share = sum / (i - from + 1);
            if (share >= 0.2) {
                lastAbove = times[i];
                everBelow = false;
            } else {
                everBelow = true;
            }
        }
        if (!everBelow) {
            return Double.NaN;
        }
        return Double.isNaN(lastAbove) ? SHARE_WINDOW_SECONDS : lastAbove - drop;
    }

    private static double percentile(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double exponential(SplittableRandom random, double perSecond) {
        return -Math.log(1.0 - random.nextDouble()) / perSecond;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom's own nextGaussian would do, but this keeps the draw count fixed per call.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static String describe(Scenario scenario) {
        return String.format(java.util.Locale.ROOT, "%d min, %.0f payments/s (Poisson), 3 segments; true approval "
                + "rates %s; %s drops to %.0f %% at %ds; %s unavailable for %ds from %ds; latency lognormal, medians "
                + "%s, sigma %.1f; %.0f %% of cards hard-declined everywhere; fallback attempts approved at %.1f x the rate",
                scenario.length().toMinutes(), scenario.paymentsPerSecond(), new java.util.TreeMap<>(scenario.rates()),
                scenario.degraded(), scenario.degradedRate() * 100, scenario.degradedFrom().toSeconds(),
                scenario.outage(), scenario.outageLength().toSeconds(), scenario.outageFrom().toSeconds(),
                new java.util.TreeMap<>(scenario.medianLatency()), scenario.latencySigma(),
                scenario.hardDeclineShare() * 100, scenario.retryFactor());
    }

    static double[] values(List<Result> results, java.util.function.ToDoubleFunction<Result> metric) {
        return results.stream().mapToDouble(metric).toArray();
    }

    static double mean(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
