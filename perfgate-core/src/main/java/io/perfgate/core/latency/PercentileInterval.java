package io.perfgate.core.latency;

import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.util.Optional;
import java.util.OptionalLong;

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

    /**
     * Empty when the histogram is too small to bound this quantile on both sides. The ends are widened to
     * the edges of their histogram buckets, so the histogram's rounding never narrows the interval.
     */
    public static Optional<PercentileInterval> of(LatencyHistogram histogram, double quantile, double confidence) {
        OptionalLong lower = lowerEnd(histogram, quantile, confidence);
        long n = histogram.count();
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        // P(B >= u) <= alpha: the u-th smallest sample lies below the quantile with at most that chance.
        long upperRank = distribution(n, quantile).inverseCumulativeProbability(1 - alpha(confidence)) + 1;
        if (upperRank > n) {
            return Optional.empty();
        }
        return Optional.of(new PercentileInterval(lower.getAsLong(), histogram.orderStatistic(upperRank), confidence));
    }

    /**
     * The lower end of the interval alone: the true quantile lies above it with probability at least
     * {@code 1 - (1 - confidence) / 2}. It exists with fewer samples than the whole interval (a p95 from
     * 60 samples has a lower end but no upper one), so a value far beyond its bound can FAIL early.
     */
    public static OptionalLong lowerEnd(LatencyHistogram histogram, double quantile, double confidence) {
        long n = histogram.count();
        if (n < 1 || n > Integer.MAX_VALUE) {
            return OptionalLong.empty();
        }
        // P(B < l) <= alpha, with B ~ Binomial(n, q) the count of samples below the true quantile.
        long lowerRank = distribution(n, quantile).inverseCumulativeProbability(alpha(confidence));
        if (lowerRank < 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(histogram.lowestEquivalent(histogram.orderStatistic(lowerRank)));
    }

    private static BinomialDistribution distribution(long n, double quantile) {
        return BinomialDistribution.of((int) n, quantile);
    }

    private static double alpha(double confidence) {
        return (1 - confidence) / 2;
    }

    /**
     * The fewest samples that support a verdict on a quantile: at least ten beyond it
     * (p95 needs 200, p99 needs 1,000).
     */
    public static long requiredSamples(double quantile) {
        return io.perfgate.core.gate.SampleRule.forQuantile(quantile);
    }
}
