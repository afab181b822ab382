package io.perfgate.core.regression;

import java.util.List;

/**
 * The comparison of one metric of one test with its baseline.
 *
 * @param baselineValue      median of the baseline's replicate values, in the metric's unit
 * @param currentValue       median of the current replicate values
 * @param ratio              estimated current / baseline (Hodges–Lehmann on log values); NaN when not computable
 *                           and for an absolute metric ({@link RegressionMetric#absolute()}), whose change is a
 *                           difference
 * @param lowerRatio         lower end of the ratio's interval (each end holds with the policy's confidence)
 * @param upperRatio         upper end of the ratio's interval
 * @param difference         an absolute metric's estimated current - baseline in its unit (Hodges–Lehmann on raw
 *                           values); NaN when not computable and for relative metrics
 * @param lowerDifference    lower end of the difference's interval
 * @param upperDifference    upper end of the difference's interval
 * @param pValue             one-sided rank-test p-value for "worse", before correction
 * @param adjustedPValue     after the suite's correction
 * @param comparisons        how many comparisons the correction spanned
 * @param runToRunSd         the run-to-run variation the interval was widened by (a log standard deviation; in the
 *                           metric's unit for an absolute metric); 0 when none
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
        double difference,
        double lowerDifference,
        double upperDifference,
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

    /** The change as text: {@code +31%}; for an absolute metric in its unit: {@code +0.08}, {@code +260 ms}. */
    public String formattedChange() {
        if (metric.absolute()) {
            return Double.isNaN(difference) ? "n/a" : ChangeText.ofDifference(difference, metric.kind());
        }
        return Double.isNaN(ratio) ? "n/a" : ChangeText.ofRatio(ratio);
    }

    /** The interval as text: {@code [+24%, +38%]} or {@code [+0.06, +0.1]}; {@code [unbounded]} without ends. */
    public String formattedInterval() {
        return metric.absolute() ? ChangeText.differenceInterval(lowerDifference, upperDifference, metric.kind())
                : ChangeText.interval(lowerRatio, upperRatio);
    }

    /** The allowed change as users write it: {@code +20%}; absolute in the unit: {@code +0.05}. */
    public String formattedAllowed() {
        return allowed.format(metric.direction());
    }
}
