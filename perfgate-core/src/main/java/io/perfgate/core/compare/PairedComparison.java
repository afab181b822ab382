package io.perfgate.core.compare;

import io.perfgate.core.gate.Level;
import io.perfgate.core.regression.AllowedChange;
import io.perfgate.core.regression.ChangeText;
import io.perfgate.core.regression.RegressionOutcome;

/**
 * One metric of one test compared between base and head, pair by pair.
 *
 * @param baseValues     the metric in each base fork, in pair order (NaN where a fork has none)
 * @param headValues     the metric in each head fork, in pair order
 * @param baseValue      median of the base values
 * @param headValue      median of the head values
 * @param ratio          Hodges–Lehmann estimate of head / base from the per-pair log ratios; NaN when not computed
 * @param lowerRatio     lower end of its interval (each end holds with the policy's confidence)
 * @param upperRatio     upper end
 * @param pValue         one-sided signed-rank p-value for "head is worse", before correction
 * @param adjustedPValue after the suite's correction
 * @param comparisons    how many comparisons the correction spanned
 * @param message        the sentence the build log, the failure and the reports print
 */
public record PairedComparison(
        String testId,
        String testLabel,
        PairedMetric metric,
        Level level,
        AllowedChange allowed,
        RegressionOutcome outcome,
        double[] baseValues,
        double[] headValues,
        double baseValue,
        double headValue,
        double ratio,
        double lowerRatio,
        double upperRatio,
        double pValue,
        double adjustedPValue,
        int comparisons,
        String message) {

    public PairedComparison {
        baseValues = baseValues.clone();
        headValues = headValues.clone();
    }

    /** A regression of a BLOCKING gate's metric: it fails the build. */
    public boolean blocks() {
        return outcome == RegressionOutcome.REGRESSED && level == Level.BLOCKING;
    }

    public int pairs() {
        return baseValues.length;
    }

    /** {@code +31%}, or {@code n/a}. */
    public String formattedChange() {
        return Double.isNaN(ratio) ? "n/a" : ChangeText.ofRatio(ratio);
    }

    /** {@code [+24%, +38%]}, or {@code [unbounded]} with too few pairs. */
    public String formattedInterval() {
        return ChangeText.interval(lowerRatio, upperRatio, allowed.limit(1, metric.direction()));
    }

    /** {@code +20%}. */
    public String formattedAllowed() {
        return allowed.format(metric.direction());
    }
}
