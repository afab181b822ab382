package io.perfgate.core.regression;

import java.util.List;

/**
 * The comparison of one metric of one test with its baseline.
 *
 * @param baselineValue      median of the baseline's replicate values, in the metric's unit
 * @param currentValue       median of the current replicate values
 * @param change             the estimated change (Hodges–Lehmann): current / baseline on log values, or for an
 *                           absolute metric ({@link RegressionMetric#absolute()}) current - baseline in its unit on
 *                           raw values; NaN when not computable
 * @param lowerChange        lower end of the change's interval (each end holds with the policy's confidence)
 * @param upperChange        upper end of the change's interval
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
        double change,
        double lowerChange,
        double upperChange,
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

    /** The ratio current / baseline; NaN for an absolute metric, whose change is a difference. */
    public double ratio() {
        return metric.absolute() ? Double.NaN : change;
    }

    public double lowerRatio() {
        return metric.absolute() ? Double.NaN : lowerChange;
    }

    public double upperRatio() {
        return metric.absolute() ? Double.NaN : upperChange;
    }

    /** An absolute metric's difference current - baseline in its unit; NaN for a relative metric. */
    public double difference() {
        return metric.absolute() ? change : Double.NaN;
    }

    public double lowerDifference() {
        return metric.absolute() ? lowerChange : Double.NaN;
    }

    public double upperDifference() {
        return metric.absolute() ? upperChange : Double.NaN;
    }

    /** The change as text: {@code +31%}; for an absolute metric in its unit: {@code +0.08}, {@code +260 ms}. */
    public String formattedChange() {
        return Double.isNaN(change) ? "n/a" : ChangeText.of(metric, change);
    }

    /** The interval as text: {@code [+24%, +38%]} or {@code [+0.06, +0.1]}; {@code [unbounded]} without ends. */
    public String formattedInterval() {
        return metric.absolute() ? ChangeText.differenceInterval(lowerChange, upperChange, metric.kind())
                : ChangeText.interval(lowerChange, upperChange);
    }

    /** The allowed change as users write it: {@code +20%}; absolute in the unit: {@code +0.05}. */
    public String formattedAllowed() {
        return allowed.format(metric.direction());
    }
}
