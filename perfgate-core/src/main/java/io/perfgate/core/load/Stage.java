package io.perfgate.core.load;

import java.time.Duration;

/**
 * A stretch of the open model's arrival schedule: the rate moves linearly from {@code fromRate} to
 * {@code toRate} (arrivals per second) over the duration; equal rates hold it constant.
 */
public record Stage(double fromRate, double toRate, Duration duration) {

    public Stage {
        if (!(fromRate >= 0) || !(toRate >= 0) || Double.isInfinite(fromRate) || Double.isInfinite(toRate)) {
            throw new LoadConfigurationException("stage rates must be zero or more, got " + fromRate + ".." + toRate);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new LoadConfigurationException("a stage needs a positive duration, got " + duration);
        }
        if (fromRate == 0 && toRate == 0) {
            throw new LoadConfigurationException("a stage at 0/s sends nothing; give a rate above zero");
        }
    }

    public static Stage constant(double rate, Duration duration) {
        return new Stage(rate, rate, duration);
    }

    public static Stage ramp(double fromRate, double toRate, Duration duration) {
        return new Stage(fromRate, toRate, duration);
    }

    /** Arrivals the stage plans: the area under its rate. */
    public double arrivals() {
        return (fromRate + toRate) / 2 * duration.toNanos() / 1e9;
    }

    /**
     * Seconds into the stage at which the n-th arrival (0-based, counted from the stage start, n below
     * {@link #arrivals()}) is due: the inverse of the cumulative rate {@code r0 t + (r1 - r0) t^2 / 2D}.
     */
    double secondsOf(double n) {
        double seconds = duration.toNanos() / 1e9;
        double a = (toRate - fromRate) / (2 * seconds);
        if (Math.abs(a) < 1e-12) {
            return n / fromRate;
        }
        // the root of a t^2 + r0 t - n = 0 written to stay stable when a is small or negative
        double discriminant = Math.max(0, fromRate * fromRate + 4 * a * n);
        return 2 * n / (fromRate + Math.sqrt(discriminant));
    }
}
