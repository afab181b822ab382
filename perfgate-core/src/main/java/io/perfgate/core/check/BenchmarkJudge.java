package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.jmh.BenchmarkMode;
import io.perfgate.core.jmh.JmhScoreRule;
import io.perfgate.core.result.BenchmarkDetails;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A JMH benchmark's metrics, judged on JMH's own figures in the mode the benchmark ran in: the score with its
 * error for throughput and mean time, gc.alloc.rate.norm for allocation (both by their 95% interval, the rule
 * of {@link JmhScoreRule}), the sampled distribution for percentiles.
 */
final class BenchmarkJudge implements GateJudge {
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
        if (metric.gateType() == GateType.MEMORY) {
            Double allocation = benchmark.allocationPerOperation();
            if (allocation == null) {
                return Wording.notMeasured(subject, metric, bound, invocations, "JMH's gc profiler reported"
                        + " no gc.alloc.rate.norm (perfgate:jmh runs it with -prof gc when a @MemoryGate is declared;"
                        + " the JVM may not support allocation counting)");
            }
            Double error = benchmark.allocationError();
            OptionalDouble jmhError = error == null ? OptionalDouble.empty() : OptionalDouble.of(error);
            return judgeScore(subject, metric, bound, allocation, JmhScoreRule.halfWidth(jmhError,
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
                JmhScoreRule.halfWidth(benchmark.baseScoreError(), invocations));
    }

    /** A figure JMH reports with an error: judged by its 95% interval ({@link JmhScoreRule}). */
    private static MetricOutcome judgeScore(Subject subject, Metric metric, Bound bound, double value,
                                            OptionalDouble error) {
        long invocations = subject.measurement().invocations();
        Double lower = error.isPresent() ? value - error.getAsDouble() : null;
        Double upper = error.isPresent() ? value + error.getAsDouble() : null;
        if (JmhScoreRule.verdict(bound, metric.direction(), value, error) == Verdict.INCONCLUSIVE) {
            return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, value, invocations, lower, upper,
                    JmhScoreRule.inconclusiveReason(metric, bound, value, error) + subject.context(invocations)
                            + "; " + JmhScoreRule.FIX);
        }
        return Wording.judged(subject, metric, bound, value, invocations, lower, upper);
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
