package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.jmh.BenchmarkMode;
import io.perfgate.core.result.BenchmarkDetails;
import org.apache.commons.statistics.distribution.TDistribution;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A JMH benchmark's metrics, judged on JMH's own figures in the mode the benchmark ran in: the score with its
 * error for throughput and mean time, gc.alloc.rate.norm for allocation, the sampled distribution for
 * percentiles.
 * <p>
 * A figure JMH reports with an error is judged by its 95 % confidence interval, not by the score alone, as a
 * JUnit percentile is. JMH prints a 99.9 % Student-t interval over its n measured iterations
 * ({@code t(0.9995, n-1) s / sqrt(n)}); the same interval at 95 % is that error times
 * {@code t(0.975, n-1) / t(0.9995, n-1)} (with 2 iterations JMH's is 50 times wider than the 95 % one).
 * <ul>
 *   <li>the whole interval beyond the threshold: FAIL, noise cannot explain it;</li>
 *   <li>the interval reaches both sides of the threshold: INCONCLUSIVE, more forks or iterations decide;</li>
 *   <li>the whole interval within the threshold: the score decides between PASS and WARN (the target is
 *       advisory, so an interval across it needs no more data);</li>
 *   <li>no error at all (JMH gives none for a single measured iteration): INCONCLUSIVE.</li>
 * </ul>
 * A gate whose own metric was still warming up when JMH measured it is INCONCLUSIVE, with the evidence, the
 * warmup it had and how to give it a longer one, unless a mean or throughput gate passes even at the worst
 * measured iteration: the memory gate by gc.alloc.rate.norm's iterations
 * ({@link BenchmarkDetails#allocationStillWarming}), every other gate by the score's
 * ({@link BenchmarkDetails#stillWarming}). A busy machine unsteadies the time, not the bytes per operation.
 */
final class BenchmarkJudge implements GateJudge {
    /** How to get a narrower interval, for INCONCLUSIVE messages. */
    static final String FIX = "run more forks or iterations (-Dperfgate.jmh.forks=5"
            + " -Dperfgate.jmh.measurementIterations=5, or -Dperfgate.profile=standard), quiet the machine, or set"
            + " allowInconclusive = true";
    /** How to give a benchmark still warming up a longer warmup, for INCONCLUSIVE messages. */
    static final String WARMUP_FIX = BenchmarkDetails.WARMUP_FIX;
    /** The confidence of the interval a figure is judged by. */
    private static final double CONFIDENCE = 0.95;

    private final GateJudge latency;

    BenchmarkJudge(GateJudge latency) {
        this.latency = latency;
    }

    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        BenchmarkDetails benchmark = subject.benchmark();
        long invocations = subject.measurement().invocations();
        Optional<BenchmarkMode> mode = BenchmarkMode.ofShortLabel(benchmark.mode());
        if (metric.gateType() == GateType.ERROR_RATE) {
            return Wording.outcome(metric, bound, Verdict.FAIL, null, invocations, null, null,
                    "@ErrorRateGate does not apply to a JMH benchmark: JMH stops a benchmark at its first exception,"
                            + " which perfgate reports as a failure; remove it from " + subject.label());
        }
        if (mode.isEmpty() || !mode.get().measures(metric)) {
            return Wording.outcome(metric, bound, Verdict.FAIL, null, invocations, null, null,
                    metric.label() + " cannot be measured in " + benchmark.mode() + " mode"
                            + subject.context(invocations) + ": " + modeAdvice(metric));
        }
        String stillWarming = metric.gateType() == GateType.MEMORY ? benchmark.allocationStillWarming()
                : benchmark.stillWarming();
        if (stillWarming != null) {
            return passedEvenWarming(subject, metric, bound)
                    .orElseGet(() -> stillWarming(subject, metric, bound, stillWarming));
        }
        if (metric.gateType() == GateType.MEMORY) {
            Double allocation = benchmark.allocationPerOperation();
            if (allocation == null) {
                return Wording.notMeasured(subject, metric, bound, invocations, "JMH's gc profiler reported"
                        + " no gc.alloc.rate.norm (perfgate:jmh runs it with -prof gc when a @MemoryGate is declared;"
                        + " the JVM may not support allocation counting)");
            }
            Double error = benchmark.allocationError();
            OptionalDouble jmhError = error == null ? OptionalDouble.empty() : OptionalDouble.of(error);
            return judgeScore(subject, metric, bound, allocation, halfWidth(jmhError,
                    (long) benchmark.forks() * benchmark.measurementIterations()));
        }
        if (metric.quantile().isPresent() || metric == Metric.LATENCY_MAX) {
            return latency.judge(subject, metric, bound);
        }
        OptionalDouble score = benchmark.baseScore();
        if (score.isEmpty()) {
            return Wording.notMeasured(subject, metric, bound, invocations, benchmark.score() == null
                    ? "JMH reported no score" : "JMH's unit '" + benchmark.scoreUnit() + "' is not one perfgate reads");
        }
        return judgeScore(subject, metric, bound, score.getAsDouble(),
                halfWidth(benchmark.baseScoreError(), invocations));
    }

    /**
     * The usual verdict for a score still warming up when even its worst measured iteration is not beyond the
     * threshold: warming up only makes a score better (less time, more operations), so the steady state cannot
     * fail, and is at least as good as the measured score, whose PASS or WARN then stands. A score far from its
     * bound (0.5 ns/op against 2 ms) passes whether or not its iterations settled. Empty when the worst iteration
     * is unknown or beyond the threshold, when the score's own interval gives no verdict, or for the percentiles
     * and allocation, which the iteration scores say nothing about.
     */
    private static Optional<MetricOutcome> passedEvenWarming(Subject subject, Metric metric, Bound bound) {
        BenchmarkDetails benchmark = subject.benchmark();
        if (metric != Metric.THROUGHPUT && metric != Metric.LATENCY_MEAN) {
            return Optional.empty();
        }
        OptionalDouble worst = benchmark.toBaseUnit(benchmark.worstIterationScore());
        OptionalDouble score = benchmark.baseScore();
        if (worst.isEmpty() || score.isEmpty()
                || bound.judge(worst.getAsDouble(), metric.direction()) == Verdict.FAIL) {
            return Optional.empty();
        }
        MetricOutcome judged = judgeScore(subject, metric, bound, score.getAsDouble(),
                halfWidth(benchmark.baseScoreError(), subject.measurement().invocations()));
        if (judged.verdict() != Verdict.PASS && judged.verdict() != Verdict.WARN) {
            return Optional.empty();
        }
        return Optional.of(Wording.withDetail(judged, "; JMH measured it while it was still warming up, but even"
                + " its worst measured iteration (" + metric.kind().format(worst.getAsDouble()) + ") is within the"
                + " threshold, and a longer warmup only makes it better"));
    }

    /**
     * INCONCLUSIVE: JMH measured the gate's metric before it reached steady state ({@code SteadyState}): a score
     * still falling, or an allocation the JIT compiler was still removing, says neither PASS nor FAIL.
     *
     * @param why which metric was still moving, the evidence and the warmup it had
     */
    private static MetricOutcome stillWarming(Subject subject, Metric metric, Bound bound, String why) {
        BenchmarkDetails benchmark = subject.benchmark();
        long invocations = subject.measurement().invocations();
        Double value = metric.gateType() == GateType.MEMORY ? benchmark.allocationPerOperation()
                : metric == Metric.THROUGHPUT || metric == Metric.LATENCY_MEAN
                ? benchmark.baseScore().stream().boxed().findFirst().orElse(null) : null;
        return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, value, invocations, null, null,
                metric.label() + " has no verdict against the threshold " + metric.kind().format(bound.threshold())
                        + ": JMH measured the benchmark before it reached steady state; " + why
                        + subject.context(invocations) + "; " + WARMUP_FIX);
    }

    /**
     * A figure JMH reports with an error: INCONCLUSIVE without an error or when its interval reaches both sides
     * of the threshold; otherwise the figure decides, as every bound's does.
     *
     * @param error half-width of the 95 % interval ({@link #halfWidth}); empty when JMH could not compute one
     */
    private static MetricOutcome judgeScore(Subject subject, Metric metric, Bound bound, double value,
                                            OptionalDouble error) {
        long invocations = subject.measurement().invocations();
        if (error.isEmpty()) {
            return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, value, invocations, null, null,
                    Wording.measured(metric, value) + " has no verdict against the threshold "
                            + metric.kind().format(bound.threshold()) + ": JMH gives no error for a single measured"
                            + " iteration, so noise cannot be told from a real difference" + subject.context(invocations)
                            + "; " + FIX);
        }
        double halfWidth = error.getAsDouble();
        double lower = value - halfWidth;
        double upper = value + halfWidth;
        boolean lowerFails = bound.judge(lower, metric.direction()) == Verdict.FAIL;
        if (lowerFails != (bound.judge(upper, metric.direction()) == Verdict.FAIL)) {
            return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, value, invocations, lower, upper,
                    Wording.measured(metric, value) + " ± " + metric.kind().format(halfWidth) + " has no verdict: its"
                            + " 95% confidence interval reaches both sides of the threshold "
                            + metric.kind().format(bound.threshold()) + subject.context(invocations) + "; " + FIX);
        }
        return Wording.judged(subject, metric, bound, value, invocations, lower, upper);
    }

    /**
     * The half-width of the 95 % interval, from JMH's 99.9 % error.
     *
     * @param jmhError   JMH's error (half-width at 99.9 %); empty when JMH gave none
     * @param iterations the values JMH's error rests on (measured iterations over all forks, or samples)
     * @return empty without an error or with fewer than two values
     */
    static OptionalDouble halfWidth(OptionalDouble jmhError, long iterations) {
        if (jmhError.isEmpty() || iterations < 2 || !Double.isFinite(jmhError.getAsDouble())) {
            return OptionalDouble.empty();
        }
        TDistribution t = TDistribution.of(iterations - 1);
        return OptionalDouble.of(Math.abs(jmhError.getAsDouble()) * t.inverseCumulativeProbability(0.5 + CONFIDENCE / 2)
                / t.inverseCumulativeProbability(0.9995));
    }

    private static String modeAdvice(Metric metric) {
        if (metric == Metric.THROUGHPUT) {
            return "throughput is measured in Mode.Throughput; add @BenchmarkMode(Mode.Throughput), or bound the"
                    + " time per operation with @LatencyGate(mean = ...)";
        }
        if (metric == Metric.LATENCY_MEAN) {
            return "time per operation is measured in Mode.AverageTime, Mode.SampleTime or Mode.SingleShotTime;"
                    + " add one with @BenchmarkMode, or bound throughput with @ThroughputGate(min = ...)";
        }
        if (metric.gateType() == GateType.LATENCY) {
            return "percentiles and the maximum need the distribution that only Mode.SampleTime records; add"
                    + " @BenchmarkMode(Mode.SampleTime), or bound the mean instead";
        }
        return "a JMH benchmark measures only allocation per operation (JMH's gc.alloc.rate.norm); bound heap"
                + " and GC in a JUnit test";
    }
}
