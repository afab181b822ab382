package io.perfgate.core.memory;

import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Theil–Sen slope: the median of the slopes between every pair of points, with Sen's
 * distribution-free confidence interval from the ranks of those slopes.
 *
 * <p>Chosen over least squares because heap-after-GC samples carry occasional outliers (a collection
 * that ran while a background thread held a buffer, a lazily built cache): one outlier moves a
 * least-squares slope and widens its t-interval, but barely moves a median of pairwise slopes
 * (breakdown point 29 %). Sen (1968): with N pairwise slopes sorted ascending and
 * {@code C = z(1-α/2)·sqrt(Var S)}, where S is Kendall's statistic, the interval runs from the
 * {@code (N-C)/2}-th to the {@code ((N+C)/2 + 1)}-th slope. Ties in y shrink Var S as in the
 * Mann–Kendall test.
 */
public final class TheilSen {

    /** Fewer points give an interval too wide to mean anything (and a poor normal approximation). */
    public static final int MIN_POINTS = 6;

    private TheilSen() {
    }

    /**
     * Fits y against x.
     *
     * @return empty when there are fewer than {@link #MIN_POINTS} points, or too few distinct x values to
     *         bound the slope on both sides
     */
    public static Optional<SlopeEstimate> fit(double[] x, double[] y, double confidence) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        int n = x.length;
        if (n < MIN_POINTS) {
            return Optional.empty();
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - x[i];
                if (dx != 0) {
                    slopes[count++] = (y[j] - y[i]) / dx;
                }
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        slopes = Arrays.copyOf(slopes, count);
        Arrays.sort(slopes);
        double median = (count % 2 == 1)
                ? slopes[count / 2]
                : (slopes[count / 2 - 1] + slopes[count / 2]) / 2;

        double varianceOfS = (n * (n - 1.0) * (2.0 * n + 5) - tieCorrection(y)) / 18.0;
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double c = z * Math.sqrt(Math.max(varianceOfS, 0));
        // 1-based ranks, rounded outwards so the interval never covers less than stated.
        long lowerRank = (long) Math.floor((count - c) / 2);
        long upperRank = (long) Math.ceil((count + c) / 2) + 1;
        if (lowerRank < 1 || upperRank > count) {
            return Optional.empty(); // too few distinct x values to bound the slope on both sides
        }
        double lower = slopes[(int) lowerRank - 1];
        double upper = slopes[(int) upperRank - 1];
        return Optional.of(new SlopeEstimate(median, lower, upper, confidence, n));
    }

    /** Σ t(t-1)(2t+5) over groups of t equal y values. */
    private static double tieCorrection(double[] y) {
        Map<Double, Integer> groups = new HashMap<>();
        for (double value : y) {
            groups.merge(value, 1, Integer::sum);
        }
        double correction = 0;
        for (int t : groups.values()) {
            if (t > 1) {
                correction += t * (t - 1.0) * (2.0 * t + 5);
            }
        }
        return correction;
    }
}
