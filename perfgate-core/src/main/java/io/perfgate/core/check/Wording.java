package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;

/**
 * The sentences of metric verdicts, built from their parts: the metric and its value, the bound, and the
 * subject's context (test, endpoint, samples, report). Judges decide; this only words what they decided.
 */
final class Wording {
    static final String RAISE_WORKLOAD = ": raise invocations or duration in @PerfTest, or set allowInconclusive = true";
    private static final String RAISE_LOAD = ": run the scenario longer or at a higher rate (its duration or rate),"
            + " or set allowInconclusive: true on the gate";
    private static final String RAISE_IMPORTED = ": run the engine's scenario longer so it records more requests, or"
            + " set allowInconclusive: true on the gate";
    private static final String RAISE_RUNS = ": raise the page's runs, or set allowInconclusive: true on the gate";

    /** What gives the subject more samples: @PerfTest for a JUnit test, the scenario for a load run or an import. */
    static String raiseWorkload(Subject subject) {
        if (subject.result().imported() != null) {
            return RAISE_IMPORTED;
        }
        return switch (subject.result().kind()) {
            case LOAD -> RAISE_LOAD;
            case LIGHTHOUSE -> RAISE_RUNS;
            case JUNIT, JMH -> RAISE_WORKLOAD;
        };
    }

    private Wording() {
    }

    static MetricOutcome outcome(Metric metric, Bound bound, Verdict verdict, Double value, long samples,
                                 Double lower, Double upper, String message) {
        return new MetricOutcome(metric, bound, verdict, value, samples, lower, upper, message);
    }

    static MetricOutcome judged(Subject subject, Metric metric, Bound bound, double value, long samples,
                                Double lower, Double upper) {
        return judged(subject, metric, bound, value, samples, lower, upper, "");
    }

    /**
     * Judges a value against its bound and words the verdict.
     *
     * @param violationDetail evidence and a fix, added to the message (before the context) on WARN or FAIL
     */
    static MetricOutcome judged(Subject subject, Metric metric, Bound bound, double value, long samples,
                                Double lower, Double upper, String violationDetail) {
        if (!Double.isFinite(value)) {
            return notMeasured(subject, metric, bound, samples, "the recorded value is " + value);
        }
        Verdict verdict = bound.judge(value, metric.direction());
        String message = measured(metric, value) + " " + comparison(metric, bound, verdict);
        if (verdict == Verdict.FAIL || verdict == Verdict.WARN) {
            message += violationDetail;
        }
        return outcome(metric, bound, verdict, value, samples, lower, upper, message + subject.context(samples));
    }

    /** {@code p95 = 231 ms}. */
    static String measured(Metric metric, double value) {
        return metric.label() + " = " + metric.kind().format(value);
    }

    /**
     * How a value stands against its bound: {@code exceeds the threshold 200 ms}, {@code is below the target
     * 1,200/s (threshold 1,000/s)}, {@code is within 150ms..200ms}, {@code meets the minimum 20,000/s}.
     */
    static String comparison(Metric metric, Bound bound, Verdict verdict) {
        QuantityKind kind = metric.kind();
        boolean maximum = metric.direction() == Direction.LOWER_IS_BETTER;
        return switch (verdict) {
            case FAIL -> (maximum ? "exceeds the threshold " : "is below the threshold ") + kind.format(bound.threshold());
            case WARN -> (maximum ? "exceeds the target " : "is below the target ")
                    + kind.format(bound.target().orElseThrow()) + " (threshold " + kind.format(bound.threshold()) + ")";
            default -> maximum ? "is within " + bound.text()
                    : bound.target().isPresent()
                    ? "meets the target " + kind.format(bound.target().getAsDouble()) + " (minimum "
                    + kind.format(bound.threshold()) + ")"
                    : "meets the minimum " + kind.format(bound.threshold());
        };
    }

    /** FAIL: a declared metric that could not be measured, and why. */
    static MetricOutcome notMeasured(Subject subject, Metric metric, Bound bound, long samples, String why) {
        return outcome(metric, bound, Verdict.FAIL, null, samples, null, null,
                metric.label() + " was declared but not measured: " + why + subject.context(samples));
    }

    /** INCONCLUSIVE: a percentile from fewer samples than {@link io.perfgate.core.gate.SampleRule} asks for. */
    static MetricOutcome tooFewSamples(Subject subject, Metric metric, Bound bound, double value, long count,
                                       long required, String what) {
        return outcome(metric, bound, Verdict.INCONCLUSIVE, value, count, null, null,
                metric.label() + " needs at least " + QuantityKind.grouped(required) + " " + what + ", got "
                        + QuantityKind.grouped(count) + subject.context(count) + raiseWorkload(subject));
    }

    /** INCONCLUSIVE: a rate within its bound from fewer trials than ten events beyond it take. */
    static MetricOutcome tooFewTrials(Subject subject, Metric metric, Bound bound, double rate, long trials,
                                      long required, String what) {
        return outcome(metric, bound, Verdict.INCONCLUSIVE, rate, trials, null, null,
                metric.label() + " " + metric.kind().format(rate) + " rests on " + QuantityKind.grouped(trials) + " "
                        + what + "; a bound of " + bound.text() + " needs at least " + QuantityKind.grouped(required)
                        + subject.context(trials) + raiseWorkload(subject));
    }

    /** FAIL from few samples: even the 95 % lower confidence limit of the percentile is beyond the threshold. */
    static MetricOutcome failsAtLowerLimit(Subject subject, Metric metric, Bound bound, double value, long count,
                                           double lowerLimit, String what, String hint) {
        QuantityKind kind = metric.kind();
        return outcome(metric, bound, Verdict.FAIL, value, count, lowerLimit, null,
                measured(metric, value) + " exceeds the threshold " + kind.format(bound.threshold())
                        + ", and so does its 95% lower confidence limit " + kind.format(lowerLimit) + " from only "
                        + QuantityKind.grouped(count) + " " + what + hint + subject.context(count));
    }

    /** The same outcome with more evidence on its message. */
    static MetricOutcome withDetail(MetricOutcome outcome, String detail) {
        return new MetricOutcome(outcome.metric(), outcome.bound(), outcome.verdict(), outcome.value(),
                outcome.samples(), outcome.lower(), outcome.upper(), outcome.message() + detail);
    }
}
