package io.perfgate.core.regression;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How p-values are adjusted when a suite compares many metrics at once, so that noise in one of a
 * hundred metrics does not fail the build.
 */
public enum Correction {
    /**
     * Holm's step-down procedure: the chance of any false alarm in the whole suite stays below the
     * significance level, whatever the dependence between metrics. The default.
     */
    HOLM,
    /** Benjamini–Hochberg: controls the expected share of false alarms among the alarms; more power, weaker promise. */
    BENJAMINI_HOCHBERG,
    /** No adjustment: each metric on its own. Only sensible for a single comparison. */
    NONE;

    /** Adjusted p-values, in the order given; each is compared with the significance level directly. */
    public double[] adjust(double[] pValues) {
        int m = pValues.length;
        double[] adjusted = new double[m];
        if (m == 0) {
            return adjusted;
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        switch (this) {
            case HOLM -> {
                double running = 0;
                for (int rank = 0; rank < m; rank++) {
                    int i = order[rank];
                    running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
                    adjusted[i] = running;
                }
            }
            case BENJAMINI_HOCHBERG -> {
                double running = 1;
                for (int rank = m - 1; rank >= 0; rank--) {
                    int i = order[rank];
                    running = Math.min(running, Math.min(1, pValues[i] * m / (rank + 1)));
                    adjusted[i] = running;
                }
            }
            case NONE -> System.arraycopy(pValues, 0, adjusted, 0, m);
        }
        return adjusted;
    }

    /**
     * The p-values at {@code included} adjusted together, each back at its position; NaN at every other
     * position (a comparison that was not tested, or not fairly).
     */
    public double[] adjust(double[] pValues, List<Integer> included) {
        double[] adjustedIncluded = adjust(included.stream().mapToDouble(i -> pValues[i]).toArray());
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        for (int k = 0; k < included.size(); k++) {
            adjusted[included.get(k)] = adjustedIncluded[k];
        }
        return adjusted;
    }

    /**
     * The smallest adjusted p-value a comparison whose raw p-value is {@code p} can get among
     * {@code comparisons}: Holm multiplies the smallest by their number; Benjamini–Hochberg and no
     * correction can leave it as it is (when every comparison is as small).
     */
    public double bestAdjusted(double p, int comparisons) {
        return this == HOLM ? Math.min(1, p * Math.max(1, comparisons)) : p;
    }

    /** How reports name it: {@code Holm}. */
    public String displayName() {
        return switch (this) {
            case HOLM -> "Holm";
            case BENJAMINI_HOCHBERG -> "Benjamini-Hochberg";
            case NONE -> "no correction";
        };
    }
}
