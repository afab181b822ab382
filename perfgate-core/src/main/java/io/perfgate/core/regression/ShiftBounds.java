package io.perfgate.core.regression;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The change of one metric between two sets of replicates with its interval, without a verdict: what trend
 * analysis needs to tell whether a run was worse than the baseline at all. The change is a ratio, or for an
 * absolute metric ({@link RegressionMetric#absolute()}) a difference current - baseline in its unit.
 *
 * @param change      estimated current / baseline, or current - baseline for an absolute metric
 * @param lowerChange lower end of the interval
 * @param upperChange upper end of the interval
 * @param worseWithConfidence whether the whole interval lies on the worse side of no change
 * @param lowerBadness the interval's lower end on the "badness" scale, where larger is worse
 */
public record ShiftBounds(double change, double lowerChange, double upperChange, boolean worseWithConfidence,
                          double lowerBadness) {

    /** Whether the whole interval lies beyond the given share of an allowed change, in the worse direction. */
    public boolean worseBeyond(RegressionMetric metric, AllowedChange allowed, double share) {
        return lowerBadness > share * allowed.badnessBoundary(metric.direction());
    }

    /** Null when either side has no usable value or too few to bound the change. */
    public static ShiftBounds of(RegressionMetric metric, double[] baseline, double[] current, double confidence) {
        return of(metric, baseline, current, confidence, Double.NaN);
    }

    /**
     * Like {@link #of(RegressionMetric, double[], double[], double)}, the interval widened by the
     * run-to-run variation (see {@link RunToRunNoise#sd}, on the metric's scale) as comparisons are.
     */
    public static ShiftBounds of(RegressionMetric metric, double[] baseline, double[] current, double confidence,
                                 double runToRunSd) {
        if (baseline.length == 0 || current.length == 0) {
            return null;
        }
        double[] b = new double[baseline.length];
        double[] c = new double[current.length];
        for (int i = 0; i < b.length; i++) {
            if (!metric.comparable(baseline[i])) {
                return null;
            }
            b[i] = metric.badness(baseline[i]);
        }
        for (int i = 0; i < c.length; i++) {
            if (!metric.comparable(current[i])) {
                return null;
            }
            c[i] = metric.badness(current[i]);
        }
        ShiftEstimate shift = ShiftEstimate.of(b, c, confidence);
        if (!shift.bounded()) {
            return null;
        }
        if (runToRunSd > 0) {
            double extra = NormalDistribution.of(0, 1).inverseCumulativeProbability(confidence) * Math.sqrt(2)
                    * runToRunSd;
            shift = new ShiftEstimate(shift.estimate(), shift.estimate() - Math.hypot(shift.estimate() - shift.lower(),
                    extra), shift.estimate() + Math.hypot(shift.upper() - shift.estimate(), extra));
        }
        double x = metric.changeOfShift(shift.lower());
        double y = metric.changeOfShift(shift.upper());
        return new ShiftBounds(metric.changeOfShift(shift.estimate()), Math.min(x, y), Math.max(x, y),
                shift.lower() > 0, shift.lower());
    }
}
