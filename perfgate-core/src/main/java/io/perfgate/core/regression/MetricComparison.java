package io.perfgate.core.regression;

import java.util.List;

/**
 * The comparison of one metric of one test with its baseline.
 *
 * @param baselineValue      median of the baseline's replicate values, in the metric's unit
 * @param currentValue       median of the current replicate values
 * @param ratio              estimated current / baseline (Hodges–Lehmann on log values); NaN when not computable
 * @param lowerRatio         lower end of the ratio's interval (each end holds with the policy's confidence)
 * @param upperRatio         upper end of the ratio's interval
 * @param pValue             one-sided rank-test p-value for "worse", before correction
 * @param adjustedPValue     after the suite's correction
 * @param comparisons        how many comparisons the correction spanned
 * @param runToRunSd         the run-to-run variation (log standard deviation) the interval was widened by; 0 when none
 * @param suggestedReplicates for an undecided comparison below the cap: replicates a side likely to settle it; else 0
 * @param undecided          why the outcome is INCONCLUSIVE; null for every other outcome
 * @param message            the sentence reports and failures print
 */
public record MetricComparison(
        String testId,
        String testLabel,
        RegressionMetric metric,
        AllowedChange allowed,
        RegressionOutcome outcome,
        int baselineReplicates,
        int currentReplicates,
        double baselineValue,
        double currentValue,
        double ratio,
        double lowerRatio,
        double upperRatio,
        double pValue,
        double adjustedPValue,
        int comparisons,
        String baselineRef,
        List<String> unfairBecause,
        double runToRunSd,
        int suggestedReplicates,
        Undecided undecided,
        String message) {

    public MetricComparison {
        unfairBecause = unfairBecause == null ? List.of() : List.copyOf(unfairBecause);
    }

    /** The change as text: {@code +31%}. */
    public String formattedChange() {
        return Double.isNaN(ratio) ? "n/a" : ChangeText.ofRatio(ratio);
    }

    /** The interval as text: {@code [+24%, +38%]}; {@code [unbounded]} when there were too few replicates. */
    public String formattedInterval() {
        return ChangeText.interval(lowerRatio, upperRatio);
    }

    /** The allowed change as users write it: {@code +20%}. */
    public String formattedAllowed() {
        return allowed.format(metric.direction());
    }
}
