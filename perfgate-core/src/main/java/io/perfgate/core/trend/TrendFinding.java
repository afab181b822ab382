package io.perfgate.core.trend;

import io.perfgate.core.regression.RegressionMetric;

import java.util.List;

/**
 * What the history of one metric of one test shows.
 *
 * @param points             the runs, oldest first, the current one last
 * @param changePoints       where the level changed (E-divisive), oldest first
 * @param worseRunsInARow    how many of the latest runs were each worse than the baseline with confidence
 * @param alerts             sentences for the report; empty when nothing calls for attention
 */
public record TrendFinding(
        String testId,
        String testLabel,
        RegressionMetric metric,
        List<TrendPoint> points,
        List<Shift> changePoints,
        int worseRunsInARow,
        List<String> alerts) {

    public TrendFinding {
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
        alerts = List.copyOf(alerts);
    }

    /**
     * A change of level at {@code index}: from the median of the segment before to the median of the
     * segment after.
     *
     * @param ratio       after / before (infinite or NaN for an absolute metric that was 0 before)
     * @param degradation whether the change is for the worse
     * @param sinceBaseline whether the change came after the baseline was recorded (so it is not accepted yet)
     */
    public record Shift(int index, double before, double after, double ratio, double pValue, boolean degradation,
                        boolean sinceBaseline) {
    }
}
