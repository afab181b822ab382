package io.perfgate.core.compare;

import org.apache.commons.numbers.arrays.Selection;

/**
 * The Hodges–Lehmann estimate of the median of paired differences (the median of the Walsh averages
 * (d_i + d_j) / 2, i &le; j) with its exact distribution-free bounds from the signed-rank distribution: the
 * c-th smallest and c-th largest Walsh average. On log values a difference is a ratio head / base.
 *
 * @param estimate the median Walsh average
 * @param lower    a lower bound holding with the given confidence; -infinity with too few pairs
 * @param upper    an upper bound holding with the given confidence; +infinity with too few pairs
 */
record PairedShift(double estimate, double lower, double upper) {

    boolean bounded() {
        return !Double.isInfinite(lower) && !Double.isInfinite(upper);
    }

    /** @param confidence the one-sided confidence of each bound (0.95: a 90 % two-sided interval) */
    static PairedShift of(double[] differences, double confidence) {
        int n = differences.length;
        int count = n * (n + 1) / 2;
        double[] walsh = new double[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[k++] = (differences[i] + differences[j]) / 2;
            }
        }
        int rank = SignedRankTest.boundRank(n, confidence);
        int[] wanted = rank < 1
                ? new int[] {(count - 1) / 2, count / 2}
                : new int[] {(count - 1) / 2, count / 2, rank - 1, count - rank};
        Selection.select(walsh, wanted);
        double median = (walsh[(count - 1) / 2] + walsh[count / 2]) / 2;
        if (rank < 1) {
            return new PairedShift(median, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        return new PairedShift(median, walsh[rank - 1], walsh[count - rank]);
    }
}
