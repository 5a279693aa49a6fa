package io.smartrouter.payment.routing.adaptive;

import java.util.random.RandomGenerator;

/**
 * Draws from Beta and Gamma distributions with a caller's generator, so a seeded generator gives reproducible draws.
 * Beta(a, b) = X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b); Gamma by Marsaglia and Tsang (2000), "A simple method
 * for generating gamma variables", with the usual boost {@code Gamma(k) = Gamma(k + 1) · U^(1/k)} for shapes below 1.
 */
public final class BetaSampler {

    private BetaSampler() {
    }

    /** A draw from Beta(alpha, beta); both parameters must be positive (non-integer allowed). */
    public static double beta(RandomGenerator random, double alpha, double beta) {
        double x = gamma(random, alpha);
        double y = gamma(random, beta);
        double sum = x + y;
        // Both tiny (shapes far below 1): the ratio is numerically 0/0; either end is then almost certain.
        if (sum == 0.0) {
            return random.nextDouble() < alpha / (alpha + beta) ? 1.0 : 0.0;
        }
        return x / sum;
    }

    /** A draw from Gamma(shape, 1). */
    public static double gamma(RandomGenerator random, double shape) {
        if (!(shape > 0.0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("shape must be positive and finite: " + shape);
        }
        if (shape < 1.0) {
            double u = random.nextDouble();
            return gamma(random, shape + 1.0) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
