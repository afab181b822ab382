package io.perfgate.core.regression;

import org.apache.commons.numbers.arrays.Selection;

/**
 * The Hodges–Lehmann estimate of the shift between two samples (the median of all pairwise differences
 * current - baseline) with its exact distribution-free confidence bounds (Moses / Bauer): the c-th
 * smallest and c-th largest difference, c from the Mann–Whitney null distribution.
 *
 * <p>Applied to log values, a shift is a ratio: "every replicate's p95 is 1.31 times the baseline's".
 * The bounds are exact whenever the change is such a multiplicative shift, whatever the distribution of
 * the replicates; when the spread changes too they are approximate.
 *
 * @param estimate the median pairwise difference
 * @param lower    a lower bound holding with the given confidence; -infinity when the samples are too small
 * @param upper    an upper bound holding with the given confidence; +infinity when the samples are too small
 */
record ShiftEstimate(double estimate, double lower, double upper) {

    /** Whether the samples were large enough to bound the shift at the asked confidence. */
    boolean bounded() {
        return !Double.isInfinite(lower) && !Double.isInfinite(upper);
    }

    /**
     * @param confidence the one-sided confidence of each bound (0.95: the pair is a 90 % two-sided interval)
     */
    static ShiftEstimate of(double[] baseline, double[] current, double confidence) {
        int n = baseline.length;
        int m = current.length;
        double[] differences = new double[n * m];
        int k = 0;
        for (double b : baseline) {
            for (double c : current) {
                differences[k++] = c - b;
            }
        }
        int pairs = differences.length;
        int rank = RankSumTest.boundRank(n, m, confidence);
        int[] wanted = rank < 1
                ? new int[] {(pairs - 1) / 2, pairs / 2}
                : new int[] {(pairs - 1) / 2, pairs / 2, rank - 1, pairs - rank};
        Selection.select(differences, wanted);
        double median = (differences[(pairs - 1) / 2] + differences[pairs / 2]) / 2;
        if (rank < 1) {
            return new ShiftEstimate(median, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        return new ShiftEstimate(median, differences[rank - 1], differences[pairs - rank]);
    }
}
