package io.perfgate.core.load;

import java.time.Duration;

/**
 * What kind of load test to run on a scenario:
 * <ul>
 *   <li>{@link Kind#AS_SHAPED}: the scenario's own open or closed shape;</li>
 *   <li>{@link Kind#NORMAL}: 70 % of the capacity, sustained for {@code duration};</li>
 *   <li>{@link Kind#PEAK}: a burst at 150 % of the normal rate (105 % of capacity) for {@code duration};</li>
 *   <li>{@link Kind#STRESS}: the rate raised step by step until the p95 bound or the error-rate bound breaks;
 *       the last step that held is the capacity, and the result is that step's measurement.</li>
 * </ul>
 * Normal and peak take the capacity as given, or measure it first with a maximum-throughput probe (closed
 * model, one user per connection, back to back) of {@code probeDuration}.
 *
 * @param capacity      requests per second the service is known to sustain, or null to measure it
 * @param rate          normal and peak: the normal rate itself, overriding capacity; stress: the first step's rate
 * @param duration      normal and peak: the measured phase
 * @param probeDuration the capacity probe's measured phase
 * @param stepRate      stress: added to the rate at each step (default: the first step's rate)
 * @param stepDuration  stress: each step's measured phase
 * @param maxSteps      stress: at most this many steps
 * @param p95BoundNanos stress: the p95 a step must stay within (default: the overall latency gate's p95 threshold)
 * @param maxErrorRate  stress: the error rate a step must stay within (default: the overall error-rate gate's
 *                      threshold, else 1 %)
 */
public record LoadPlan(
        Kind kind,
        Double capacity,
        Double rate,
        Duration duration,
        Duration probeDuration,
        Double stepRate,
        Duration stepDuration,
        int maxSteps,
        Double p95BoundNanos,
        Double maxErrorRate) {

    public static final double NORMAL_SHARE = 0.70;
    public static final double PEAK_FACTOR = 1.50;
    public static final Duration DEFAULT_PROBE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_STEPS = 10;
    public static final double DEFAULT_STRESS_ERROR_RATE = 0.01;

    /** The kinds of load test. */
    public enum Kind { AS_SHAPED, NORMAL, PEAK, STRESS }

    public static final LoadPlan AS_SHAPED = new LoadPlan(Kind.AS_SHAPED, null, null, null, null, null, null, 0, null, null);

    public LoadPlan {
        if (kind == null) {
            kind = Kind.AS_SHAPED;
        }
        requirePositive(capacity, "capacity");
        requirePositive(rate, "rate");
        requirePositive(stepRate, "stepRate");
        requirePositive(p95BoundNanos, "p95");
        if (maxErrorRate != null && !(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new LoadConfigurationException("the stress error-rate bound must be between 0% and 100%, got " + maxErrorRate);
        }
        if (maxSteps < 0 || maxSteps > 100) {
            throw new LoadConfigurationException("maxSteps must be between 1 and 100, got " + maxSteps);
        }
        for (Duration value : new Duration[] {duration, probeDuration, stepDuration}) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new LoadConfigurationException("load plan durations must be positive, got " + value);
            }
        }
        if (kind == Kind.STRESS && rate == null && capacity == null) {
            throw new LoadConfigurationException("a stress test needs a starting rate (rate) or a capacity to start from");
        }
        if ((kind == Kind.NORMAL || kind == Kind.PEAK) && duration == null) {
            throw new LoadConfigurationException("a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " load test needs a duration");
        }
    }

    private static void requirePositive(Double value, String name) {
        if (value != null && !(value > 0 && !value.isInfinite())) {
            throw new LoadConfigurationException("load plan: " + name + " must be above zero, got " + value);
        }
    }

    public static LoadPlan normal(Double capacity, Duration duration) {
        return new LoadPlan(Kind.NORMAL, capacity, null, duration, null, null, null, 0, null, null);
    }

    public static LoadPlan peak(Double capacity, Duration duration) {
        return new LoadPlan(Kind.PEAK, capacity, null, duration, null, null, null, 0, null, null);
    }

    /** Stress from {@code startRate}, adding {@code stepRate} each step of {@code stepDuration}. */
    public static LoadPlan stress(double startRate, double stepRate, Duration stepDuration, int maxSteps) {
        return new LoadPlan(Kind.STRESS, null, startRate, null, null, stepRate, stepDuration, maxSteps, null, null);
    }

    Duration probeDurationOrDefault() {
        return probeDuration == null ? DEFAULT_PROBE : probeDuration;
    }

    Duration stepDurationOrDefault() {
        return stepDuration == null ? DEFAULT_STEP : stepDuration;
    }

    int maxStepsOrDefault() {
        return maxSteps == 0 ? DEFAULT_MAX_STEPS : maxSteps;
    }
}
