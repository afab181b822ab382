package io.perfgate.core.frontend;

import io.perfgate.core.gate.QuantityKind;

/**
 * A page's figure over its Lighthouse runs: the median decides (as in Lighthouse CI), the spread tells how far
 * the runs disagree. Shared by the verdict ({@code check}), the build log and the report.
 */
public final class MedianOfRuns {

    private MedianOfRuns() {
    }

    /** The middle value; the mean of the middle two for an even count. */
    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** (max - min) / median of sorted values; 0 when all are equal, infinite when the median is 0 and they differ. */
    public static double spread(double[] sorted) {
        double range = sorted[sorted.length - 1] - sorted[0];
        if (range == 0) {
            return 0;
        }
        double median = Math.abs(median(sorted));
        return median == 0 ? Double.POSITIVE_INFINITY : range / median;
    }

    /** The spread as messages write it: {@code 21.4%}, or {@code unbounded (median 0)}. */
    public static String spreadText(double spread) {
        return Double.isInfinite(spread) ? "unbounded (median 0)" : QuantityKind.PERCENT.format(Math.min(spread, 1e6));
    }
}
