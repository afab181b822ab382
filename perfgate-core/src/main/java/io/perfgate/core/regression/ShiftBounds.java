package io.perfgate.core.regression;

/**
 * The change of one metric between two sets of replicates as a ratio with its interval, without a
 * verdict: what trend analysis needs to tell whether a run was worse than the baseline at all.
 *
 * @param ratio      estimated current / baseline
 * @param lowerRatio lower end of the interval
 * @param upperRatio upper end of the interval
 * @param worseWithConfidence whether the whole interval lies on the worse side of no change
 * @param lowerBadness the interval's lower end on the log "badness" scale, where larger is worse
 */
public record ShiftBounds(double ratio, double lowerRatio, double upperRatio, boolean worseWithConfidence,
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
     * run-to-run variation (a log standard deviation, see {@link RunToRunNoise}) as comparisons are.
     */
    public static ShiftBounds of(RegressionMetric metric, double[] baseline, double[] current, double confidence,
                                 double runToRunSd) {
        if (baseline.length == 0 || current.length == 0) {
            return null;
        }
        double[] b = new double[baseline.length];
        double[] c = new double[current.length];
        for (int i = 0; i < b.length; i++) {
            if (!(baseline[i] > 0)) {
                return null;
            }
            b[i] = metric.badness(baseline[i]);
        }
        for (int i = 0; i < c.length; i++) {
            if (!(current[i] > 0)) {
                return null;
            }
            c[i] = metric.badness(current[i]);
        }
        ShiftEstimate shift = ShiftEstimate.of(b, c, confidence);
        if (!shift.bounded()) {
            return null;
        }
        if (runToRunSd > 0) {
            double extra = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                    .inverseCumulativeProbability(confidence) * Math.sqrt(2) * runToRunSd;
            shift = new ShiftEstimate(shift.estimate(), shift.estimate() - Math.hypot(shift.estimate() - shift.lower(), extra),
                    shift.estimate() + Math.hypot(shift.upper() - shift.estimate(), extra));
        }
        double x = metric.ratioOfShift(shift.lower());
        double y = metric.ratioOfShift(shift.upper());
        return new ShiftBounds(metric.ratioOfShift(shift.estimate()), Math.min(x, y), Math.max(x, y),
                shift.lower() > 0, shift.lower());
    }
}
