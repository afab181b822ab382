package io.perfgate.core.latency;

import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.util.Optional;

/**
 * A distribution-free confidence interval for a quantile, from order statistics: with n samples the
 * number falling below the true quantile q is Binomial(n, q), so the interval between the l-th and
 * u-th smallest samples covers it with the stated confidence whatever the distribution.
 *
 * @param lower     the l-th smallest sample
 * @param upper     the u-th smallest sample
 * @param confidence the nominal coverage, 0.95 by default
 */
public record PercentileInterval(long lower, long upper, double confidence) {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Empty when the histogram is too small to bound this quantile on both sides. */
    public static Optional<PercentileInterval> of(LatencyHistogram histogram, double quantile, double confidence) {
        long n = histogram.count();
        if (n < 2 || n > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        BinomialDistribution below = BinomialDistribution.of((int) n, quantile);
        double alpha = (1 - confidence) / 2;
        // P(B < l) <= alpha and P(B >= u) <= alpha, with B the count below the quantile.
        long lowerRank = below.inverseCumulativeProbability(alpha);
        long upperRank = below.inverseCumulativeProbability(1 - alpha) + 1;
        if (lowerRank < 1 || upperRank > n) {
            return Optional.empty();
        }
        return Optional.of(new PercentileInterval(
                histogram.orderStatistic(lowerRank), histogram.orderStatistic(upperRank), confidence));
    }

    /**
     * The fewest samples that support a verdict on a quantile: at least ten beyond it
     * (p95 needs 200, p99 needs 1,000).
     */
    public static long requiredSamples(double quantile) {
        return (long) Math.ceil(10 / (1 - quantile) - 1e-9);
    }
}
