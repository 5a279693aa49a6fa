package io.smartrouter.payment.routing.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sampler's moments against the closed forms, with a fixed seed (so the tolerances hold for certain). */
class BetaSamplerTests {

    private static final int DRAWS = 200_000;

    @ParameterizedTest(name = "Beta({0}, {1})")
    @CsvSource({"1, 1", "2, 5", "91, 11", "0.5, 0.5", "0.2, 3", "3.7, 1.3"})
    void betaDrawsHaveTheBetaMeanAndVariance(double alpha, double beta) {
        SplittableRandom random = new SplittableRandom(42);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double x = BetaSampler.beta(random, alpha, beta);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
            squares += x * x;
        }
        double mean = sum / DRAWS;
        double variance = squares / DRAWS - mean * mean;
        double expectedMean = alpha / (alpha + beta);
        double expectedVariance = alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1));
        // Standard error of the mean is sqrt(var / n) <= 0.0012 here: 5 standard errors, and 3 % on the variance.
        assertThat(mean).isCloseTo(expectedMean, within(5 * Math.sqrt(expectedVariance / DRAWS)));
        assertThat(variance).isCloseTo(expectedVariance, within(0.03 * expectedVariance));
    }

    @ParameterizedTest(name = "Gamma({0})")
    @CsvSource({"0.3", "1", "4.5", "120"})
    void gammaDrawsHaveMeanAndVarianceEqualToTheShape(double shape) {
        SplittableRandom random = new SplittableRandom(7);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double x = BetaSampler.gamma(random, shape);
            assertThat(x).isGreaterThanOrEqualTo(0.0);
            sum += x;
            squares += x * x;
        }
        double mean = sum / DRAWS;
        double variance = squares / DRAWS - mean * mean;
        assertThat(mean).isCloseTo(shape, within(5 * Math.sqrt(shape / DRAWS)));
        assertThat(variance).isCloseTo(shape, within(0.04 * shape));
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        SplittableRandom first = new SplittableRandom(3);
        SplittableRandom second = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            assertThat(BetaSampler.beta(first, 3, 4)).isEqualTo(BetaSampler.beta(second, 3, 4));
        }
    }

    @Test
    void shapesMustBePositive() {
        SplittableRandom random = new SplittableRandom(1);
        assertThatThrownBy(() -> BetaSampler.gamma(random, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BetaSampler.beta(random, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
