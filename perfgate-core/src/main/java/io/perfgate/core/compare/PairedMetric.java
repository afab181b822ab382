package io.perfgate.core.compare;

import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.PercentileInterval;
import io.perfgate.core.regression.AllowedChange;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionPolicy;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A figure compared between base and head pair by pair: one value per forked JVM. Latency figures are read
 * from the fork's whole histogram, CPU time per invocation from its thread CPU clock and a JMH score from its one
 * JMH fork; they take their allowed change from the regression policy, as {@code check} does. Allocation per
 * invocation is compared when the fork recorded it.
 */
public enum PairedMetric {
    P50(RegressionMetric.P50),
    P90(RegressionMetric.P90),
    P95(RegressionMetric.P95),
    P99(RegressionMetric.P99),
    MEAN(RegressionMetric.MEAN),
    /** Thread CPU time per invocation: what the code costs, apart from how long it waited. */
    CPU_MEAN(RegressionMetric.CPU_MEAN),
    /** A JMH benchmark's score in a time mode, nanoseconds per operation: one JMH fork's mean. */
    SCORE_TIME(RegressionMetric.SCORE_TIME),
    /** A JMH benchmark's score in throughput mode, operations per second: worse when it falls. */
    SCORE_RATE(RegressionMetric.SCORE_RATE),
    /** Bytes allocated per invocation; nearly deterministic, so a small change is visible. */
    ALLOCATION(null);

    /** Allocation may grow by this much unless configured otherwise ({@code allocation=+5%}). */
    static final double DEFAULT_ALLOCATION_CHANGE = 0.10;

    private final RegressionMetric regressionMetric;

    PairedMetric(RegressionMetric regressionMetric) {
        this.regressionMetric = regressionMetric;
    }

    /** {@code p95}, {@code allocation}. */
    public String label() {
        return regressionMetric == null ? "allocation" : regressionMetric.label();
    }

    public QuantityKind kind() {
        return regressionMetric == null ? QuantityKind.SIZE : regressionMetric.kind();
    }

    /** Whether the figure gets worse when it rises (times, allocation) or when it falls (a throughput score). */
    public Direction direction() {
        return regressionMetric == null ? Direction.LOWER_IS_BETTER : regressionMetric.direction();
    }

    /** The gate type whose declared level a regression of this metric takes. */
    public GateType gateType() {
        if (regressionMetric == null) {
            return GateType.MEMORY;
        }
        return this == SCORE_RATE ? GateType.THROUGHPUT : GateType.LATENCY;
    }

    /** The score of a JMH result: a rate in throughput mode, a time per operation in the others. */
    static PairedMetric scoreOf(BenchmarkDetails benchmark) {
        return benchmark.isThroughput() ? SCORE_RATE : SCORE_TIME;
    }

    /** The allowed change: the policy's for latency (with per-test overrides), else the allocation setting. */
    AllowedChange allowed(RegressionPolicy policy, String testLabel, AllowedChange allocation) {
        return regressionMetric == null ? allocation : policy.allowedFor(testLabel, regressionMetric);
    }

    /** The pair-by-pair counterpart of a metric check compares; none for a throughput or a JMH score. */
    static Optional<PairedMetric> of(RegressionMetric metric) {
        return Arrays.stream(values()).filter(paired -> paired.regressionMetric == metric).findFirst();
    }

    /**
     * This metric's value in one fork's result, or the reason there is none.
     *
     * @return a {@link Figure} with either a positive value or a problem
     */
    Figure of(TestResult result) {
        Measurement measurement = result == null ? null : result.measurement();
        if (measurement == null) {
            return Figure.missing("no measurement was recorded");
        }
        if (this == ALLOCATION) {
            Double bytes = measurement.memory() == null ? null : measurement.memory().allocatedBytesPerInvocation();
            if (bytes != null && bytes == 0) {
                return Figure.missing("0 bytes were allocated per invocation, and a ratio to nothing means nothing");
            }
            return bytes == null || !(bytes > 0) || bytes.isInfinite()
                    ? Figure.missing("no allocation per invocation was recorded") : Figure.of(bytes);
        }
        if (this == SCORE_TIME || this == SCORE_RATE) {
            OptionalDouble score = result.benchmark() == null ? OptionalDouble.empty()
                    : result.benchmark().baseScore();
            return score.isPresent() && score.getAsDouble() > 0 ? Figure.of(score.getAsDouble())
                    : Figure.missing("JMH reported no score");
        }
        if (this == CPU_MEAN) {
            if (measurement.cpu() == null) {
                return Figure.missing("no CPU time per invocation was recorded (this JVM measures no thread CPU time)");
            }
            if (measurement.cpu().invocations() <= 0) {
                return Figure.missing("no invocation's CPU time was measured");
            }
            double nanos = measurement.cpu().perInvocation();
            return nanos > 0 ? Figure.of(nanos) : Figure.missing("CPU time per invocation was 0 ns, below the thread"
                    + " CPU clock's resolution (raise @PerfTest invocations)");
        }
        if (measurement.latencyHistogram() == null) {
            return Figure.missing("no latency histogram was recorded");
        }
        LatencyHistogram histogram = LatencyHistogram.decode(measurement.latencyHistogram());
        if (histogram.count() == 0) {
            return Figure.missing("no invocation succeeded");
        }
        if (this == MEAN) {
            return Figure.of(histogram.mean());
        }
        double quantile = regressionMetric.quantile().orElseThrow();
        long required = PercentileInterval.requiredSamples(quantile);
        if (histogram.count() < required) {
            return Figure.missing(histogram.count() + " samples; a " + label() + " needs at least " + required
                    + " (raise @PerfTest invocations or duration)");
        }
        return Figure.of(Math.max(1, histogram.valueAtQuantile(quantile)));
    }

    /** One fork's value of a metric, or why it has none. */
    record Figure(double value, String problem) {
        static Figure of(double value) {
            return new Figure(value, null);
        }

        static Figure missing(String problem) {
            return new Figure(Double.NaN, problem);
        }

        boolean present() {
            return problem == null;
        }
    }
}
