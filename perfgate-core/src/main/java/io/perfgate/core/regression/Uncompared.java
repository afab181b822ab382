package io.perfgate.core.regression;

import java.util.List;

/**
 * Comparisons with the baseline that have no values to compare: INCONCLUSIVE, with the reason, so the metric is
 * counted and shown instead of dropping out. The detector's statistics never see them.
 */
public final class Uncompared {
    private final RegressionPolicy policy;

    public Uncompared(RegressionPolicy policy) {
        this.policy = policy;
    }

    /**
     * A metric a gate names that has no replicate values on one side.
     *
     * @param why what is missing and how to get it, a whole clause
     */
    public MetricComparison gated(String testId, String testLabel, RegressionMetric metric, int baseline, int current,
                                  String baselineRef, String why) {
        return comparison(testId, testLabel, metric, baseline, current, baselineRef, Undecided.NOT_COMPARABLE,
                metric.label() + ", which a gate of " + testLabel + " names, is not compared with the baseline"
                        + against(baselineRef) + ": " + why);
    }

    /**
     * A metric this run measured but cannot compare, for a reason of its own (no clean round, a score still
     * warming up).
     *
     * @param why the reason and what to do, a clause
     */
    public MetricComparison because(String testId, String testLabel, RegressionMetric metric, int baseline,
                                    int current, String baselineRef, Undecided reason, String why) {
        return comparison(testId, testLabel, metric, baseline, current, baselineRef, reason,
                metric.label() + " of " + testLabel + " is not compared with the baseline" + against(baselineRef)
                        + ": " + why);
    }

    private static String against(String baselineRef) {
        return baselineRef == null ? "" : " (" + baselineRef + ")";
    }

    private MetricComparison comparison(String testId, String testLabel, RegressionMetric metric, int baseline,
                                        int current, String baselineRef, Undecided reason, String message) {
        return new MetricComparison(testId, testLabel, metric, policy.allowedFor(testLabel, metric),
                RegressionOutcome.INCONCLUSIVE, baseline, current, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, 0, baselineRef, List.of(), 0, 0, reason, message);
    }
}
