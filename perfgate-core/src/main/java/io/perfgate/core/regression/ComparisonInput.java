package io.perfgate.core.regression;

import java.util.List;

/**
 * One metric of one test to compare: the replicate values of the baseline and of the current run.
 *
 * @param testId        the test's unique id
 * @param testLabel     {@code OrderTest#create}, used in messages and to find per-test settings
 * @param baseline      the baseline's replicate values, in the metric's unit
 * @param current       the current run's replicate values
 * @param baselineRef   how messages name the baseline: {@code commit abc1234, 2024-05-01}
 * @param unfairBecause reasons the two runs cannot be compared fairly (other JVM, coverage agent...);
 *                      any makes the outcome INCONCLUSIVE
 * @param atCap         true when the current values already include every confirmation run allowed,
 *                      so an undecided outcome is final
 * @param runToRunSd    the metric's run-to-run variation beyond its replicates, a standard deviation of log
 *                      values (of raw values, in the unit, for an absolute metric) from the history
 *                      ({@link RunToRunNoise}); 0 or NaN when unknown. It widens the interval, since baseline
 *                      and current run each carry their own run-level offset
 * @param jvmSpread     the spread between the JVMs that measured the two sides, when one side had several
 *                      ({@link JvmSpread}); null when each side came from one JVM. Measured on log values, so
 *                      relative metrics only: absolute ones are Lighthouse runs, which no JVM measures
 */
public record ComparisonInput(
        String testId,
        String testLabel,
        RegressionMetric metric,
        double[] baseline,
        double[] current,
        String baselineRef,
        List<String> unfairBecause,
        boolean atCap,
        double runToRunSd,
        JvmSpread jvmSpread) {

    public ComparisonInput {
        baseline = baseline.clone();
        current = current.clone();
        unfairBecause = unfairBecause == null ? List.of() : List.copyOf(unfairBecause);
        if (jvmSpread != null && metric.absolute()) {
            throw new IllegalArgumentException(metric.label() + " is compared on differences; a JVM spread is a"
                    + " spread of log values");
        }
    }

    public ComparisonInput(String testId, String testLabel, RegressionMetric metric, double[] baseline,
                           double[] current, String baselineRef, List<String> unfairBecause, boolean atCap,
                           double runToRunSd) {
        this(testId, testLabel, metric, baseline, current, baselineRef, unfairBecause, atCap, runToRunSd, null);
    }

    public ComparisonInput(String testId, String testLabel, RegressionMetric metric, double[] baseline,
                           double[] current, String baselineRef) {
        this(testId, testLabel, metric, baseline, current, baselineRef, List.of(), false, Double.NaN);
    }

    public ComparisonInput(String testId, String testLabel, RegressionMetric metric, double[] baseline,
                           double[] current, String baselineRef, List<String> unfairBecause, boolean atCap) {
        this(testId, testLabel, metric, baseline, current, baselineRef, unfairBecause, atCap, Double.NaN);
    }
}
