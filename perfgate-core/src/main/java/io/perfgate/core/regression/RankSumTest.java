package io.perfgate.core.regression;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-sided Mann–Whitney U test (Wilcoxon rank-sum) on replicate values, exact for small samples,
 * and the rank that bounds the matching distribution-free confidence interval of a shift.
 *
 * <p>Histogram values are quantized (three significant digits), so replicates tie now and then, and an
 * exact p-value is only defined without ties. Ties are therefore broken against the alternative: a
 * current value equal to a baseline value counts as not worse. That gives the largest p-value any
 * tie-break could give, so the test stays exact and can only become more cautious.
 *
 * <p>The exact null distribution of U comes from commons-statistics' {@link MannWhitneyUTest}: it is
 * read once per pair of sample sizes (by testing constructed samples whose U is known) and kept.
 */
final class RankSumTest {
    /** Below this many replicates on both sides the exact null distribution is used, as the library's AUTO does. */
    static final int EXACT_LIMIT = 50;

    private static final MannWhitneyUTest GREATER_ASYMPTOTIC = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.GREATER_THAN).with(PValueMethod.ASYMPTOTIC);
    private static final MannWhitneyUTest LESS_EXACT = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.LESS_THAN).with(PValueMethod.EXACT);
    /** P(U &le; u) for u = 0..n·m, per "n x m" with n &le; m. */
    private static final Map<Long, double[]> NULL_CDF = new ConcurrentHashMap<>();
    private static final Map<String, Integer> BOUND_RANK = new ConcurrentHashMap<>();

    private RankSumTest() {
    }

    /** The p-value of "current is stochastically greater than baseline" (worse, on the badness scale). */
    static double pWorse(double[] baseline, double[] current) {
        int n = baseline.length;
        int m = current.length;
        double[] b = baseline.clone();
        double[] c = current.clone();
        Arrays.sort(b);
        Arrays.sort(c);
        // U = pairs with current strictly above baseline: ties count as "not worse".
        long u = 0;
        int below = 0;
        for (double value : c) {
            while (below < n && b[below] < value) {
                below++;
            }
            u += below;
        }
        if (Math.max(n, m) < EXACT_LIMIT) {
            // P(U >= u) = P(U <= n·m - u) by symmetry of the null distribution
            return nullCdf(n, m)[(int) ((long) n * m - u)];
        }
        // Large samples: the library's normal approximation, on tie-free ranks built the same way.
        double[] currentRanks = new double[m];
        double[] baselineRanks = new double[n];
        int i = 0;
        int j = 0;
        int rank = 1;
        while (i < n || j < m) {
            if (j < m && (i >= n || c[j] <= b[i])) {
                currentRanks[j++] = rank++;
            } else {
                baselineRanks[i++] = rank++;
            }
        }
        return GREATER_ASYMPTOTIC.test(currentRanks, baselineRanks).getPValue();
    }

    /**
     * The rank of the pairwise difference that bounds a one-sided interval at the given confidence: the
     * largest c with P(U &le; c - 1) &le; 1 - confidence. The c-th smallest of the n·m differences is then
     * a lower bound of the shift (the c-th largest an upper bound), each holding with at least that
     * confidence. Zero means the samples are too small to bound the shift at that confidence.
     */
    static int boundRank(int n, int m, double confidence) {
        double tail = 1 - confidence;
        String key = Math.min(n, m) + "x" + Math.max(n, m) + "@" + tail;
        return BOUND_RANK.computeIfAbsent(key, k -> computeBoundRank(Math.min(n, m), Math.max(n, m), tail));
    }

    private static int computeBoundRank(int n, int m, double tail) {
        long pairs = (long) n * m;
        if (Math.max(n, m) >= EXACT_LIMIT) {
            // Normal approximation with continuity correction, as R's wilcox.test does for large samples.
            double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(tail);
            double sd = Math.sqrt(pairs * (n + m + 1) / 12.0);
            long c = (long) Math.floor(pairs / 2.0 - z * sd - 0.5 + 1e-9) + 1;
            return (int) Math.max(0, Math.min(pairs / 2, c));
        }
        double[] cdf = nullCdf(n, m);
        int c = 0;
        // the c-th smallest difference is a bound when P(U <= c - 1) <= tail (tolerance for 1 - 0.95 != 0.05)
        while (c < pairs / 2 && cdf[c] <= tail + 1e-12) {
            c++;
        }
        return c;
    }

    /** P(U &le; 0) for equal sample sizes: the smallest p-value the exact test can reach. */
    static double smallestP(int n, int m) {
        return nullCdf(n, m)[0];
    }

    /** The exact null CDF of U for sample sizes below {@link #EXACT_LIMIT}. */
    static double[] nullCdf(int n, int m) {
        int small = Math.min(n, m);
        int large = Math.max(n, m);
        return NULL_CDF.computeIfAbsent(((long) small << 32) | large, key -> tabulate(small, large));
    }

    private static double[] tabulate(int n, int m) {
        int pairs = n * m;
        double[] cdf = new double[pairs + 1];
        for (int u = 0; u <= pairs / 2; u++) {
            cdf[u] = libraryCdf(u, n, m);
        }
        for (int u = pairs / 2 + 1; u < pairs; u++) {
            // symmetry: P(U <= u) = 1 - P(U <= n·m - u - 1)
            cdf[u] = 1 - cdf[pairs - u - 1];
        }
        cdf[pairs] = 1;
        return cdf;
    }

    /** P(U &le; u), read from the library's exact test on two constructed samples whose U is exactly u. */
    private static double libraryCdf(int u, int n, int m) {
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = 2.0 * j;
        }
        double[] x = new double[n];
        int remaining = u;
        for (int i = 0; i < n; i++) {
            int beaten = Math.min(m, remaining);
            remaining -= beaten;
            // above y[beaten - 1] = 2(beaten - 1), below y[beaten] = 2 beaten; distinct across i
            x[i] = 2.0 * beaten - 1 + 0.9 * (i + 1) / (n + 2);
        }
        return LESS_EXACT.test(x, y).getPValue();
    }
}
