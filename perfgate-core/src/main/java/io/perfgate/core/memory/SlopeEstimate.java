package io.perfgate.core.memory;

/**
 * A fitted slope with its confidence interval.
 *
 * @param slope      the point estimate, in units of y per unit of x
 * @param lower      lower end of the interval
 * @param upper      upper end of the interval
 * @param confidence the interval's nominal two-sided coverage (0.95); its lower end is then a one-sided
 *                   test at 2.5 %
 * @param samples    how many points the fit rests on
 */
public record SlopeEstimate(double slope, double lower, double upper, double confidence, int samples) {

    /** The same estimate in another unit of x: a slope per nanosecond times 3.6e12 is a slope per hour. */
    public SlopeEstimate scaled(double factor) {
        return new SlopeEstimate(slope * factor, lower * factor, upper * factor, confidence, samples);
    }
}
