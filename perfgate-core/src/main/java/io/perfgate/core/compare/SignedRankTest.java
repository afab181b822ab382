package io.perfgate.core.compare;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-sided Wilcoxon signed-rank test on paired differences, exact, and the rank that bounds the matching
 * distribution-free interval of the median difference (Hodges–Lehmann on Walsh averages).
 *
 * <p>Histogram values are quantized, so differences are sometimes zero or tie in size, where the exact
 * distribution is not defined. As {@code regression.RankSumTest} does, ties are broken against the
 * alternative: a zero difference counts as "not worse" and, among equal sizes, "worse" differences get the
 * lower ranks. That is the largest p-value any tie-break gives, so the test stays exact and only grows cautious.
 *
 * <p>The exact null distribution of W+ comes from commons-statistics' {@link WilcoxonSignedRankTest}: it is
 * read once per number of pairs (by testing constructed differences whose W+ is known) and kept.
 */
final class SignedRankTest {
    /** The exact distribution is tabulated up to this many pairs; compare caps its pairs below it. */
    static final int MAX_PAIRS = 60;

    private static final WilcoxonSignedRankTest LESS_EXACT = WilcoxonSignedRankTest.withDefaults()
            .with(AlternativeHypothesis.LESS_THAN).with(PValueMethod.EXACT);
    /** P(W+ &le; w) for w = 0..n(n+1)/2, per n. */
    private static final Map<Integer, double[]> NULL_CDF = new ConcurrentHashMap<>();

    private SignedRankTest() {
    }

    /** The p-value of "head is worse than base": differences head - base tend to be positive. */
    static double pWorse(double[] differences) {
        int n = differences.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // by size; among equal sizes the worse (positive) first, so it takes the lower rank
        Arrays.sort(order, (a, b) -> {
            int bySize = Double.compare(Math.abs(differences[a]), Math.abs(differences[b]));
            return bySize != 0 ? bySize : Boolean.compare(!(differences[a] > 0), !(differences[b] > 0));
        });
        long wPlus = 0;
        for (int rank = 1; rank <= n; rank++) {
            if (differences[order[rank - 1]] > 0) {
                wPlus += rank;
            }
        }
        long total = (long) n * (n + 1) / 2;
        // P(W+ >= w) = P(W+ <= total - w) by symmetry
        return nullCdf(n)[(int) (total - wPlus)];
    }

    /**
     * The rank c of the Walsh average that bounds a one-sided interval at the given confidence: the largest c
     * with P(W+ &le; c - 1) &le; 1 - confidence. Zero when n pairs cannot bound the median at that confidence.
     */
    static int boundRank(int n, double confidence) {
        double[] cdf = nullCdf(n);
        int total = n * (n + 1) / 2;
        int c = 0;
        while (c < total / 2 && cdf[c] <= 1 - confidence + 1e-12) {
            c++;
        }
        return c;
    }

    /** The smallest p-value n pairs can give: every difference worse, 2^-n. */
    static double smallestP(int n) {
        return nullCdf(n)[0];
    }

    static double[] nullCdf(int n) {
        if (n < 1 || n > MAX_PAIRS) {
            throw new IllegalArgumentException("the signed-rank test is tabulated for 1 to " + MAX_PAIRS
                    + " pairs, got " + n);
        }
        return NULL_CDF.computeIfAbsent(n, SignedRankTest::tabulate);
    }

    private static double[] tabulate(int n) {
        int total = n * (n + 1) / 2;
        double[] cdf = new double[total + 1];
        for (int w = 0; w <= total / 2; w++) {
            cdf[w] = LESS_EXACT.test(withStatistic(n, w)).getPValue();
        }
        for (int w = total / 2 + 1; w <= total; w++) {
            // symmetry: P(W+ <= w) = 1 - P(W+ <= total - w - 1)
            cdf[w] = total - w - 1 < 0 ? 1 : 1 - cdf[total - w - 1];
        }
        return cdf;
    }

    /** Differences of sizes 1..n (ranks 1..n, no ties) whose positive ranks sum to w. */
    private static double[] withStatistic(int n, int w) {
        double[] z = new double[n];
        int left = w;
        for (int rank = n; rank >= 1; rank--) {
            boolean positive = rank <= left;
            if (positive) {
                left -= rank;
            }
            z[rank - 1] = positive ? rank : -rank;
        }
        return z;
    }
}
