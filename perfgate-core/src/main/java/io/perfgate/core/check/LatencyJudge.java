package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.SampleRule;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.PercentileInterval;
import io.perfgate.core.result.CpuTime;
import io.perfgate.core.result.Measurement;

import java.util.Optional;
import java.util.OptionalLong;

/** Latency percentiles, maximum and mean, from the recorded histogram of successful invocations. */
final class LatencyJudge implements GateJudge {

    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        Measurement measurement = subject.measurement();
        if (metric.cpuTime()) {
            return cpuTime(subject, metric, bound, measurement);
        }
        LatencyHistogram histogram = subject.histogram(measurement.latencyHistogram(), "latency");
        long samples = histogram.count();
        if (samples == 0) {
            return Wording.notMeasured(subject, metric, bound, 0, "no successful invocation was recorded"
                    + (measurement.errors() > 0 ? " (all " + QuantityKind.grouped(measurement.errors()) + " threw)" : ""));
        }
        if (metric.quantile().isPresent()) {
            return percentile(subject, metric, bound, histogram, samples, "samples", "");
        }
        double value = metric == Metric.LATENCY_MAX ? histogram.max() : histogram.mean();
        return Wording.judged(subject, metric, bound, value, samples, null, null);
    }

    /**
     * Thread CPU time, from every measured round (discarded ones too: waiting uses no CPU): the mean from the
     * rounds' CPU time over their invocations, percentiles from each invocation's CPU time (recorded only when a
     * CPU percentile is gated).
     */
    private static MetricOutcome cpuTime(Subject subject, Metric metric, Bound bound, Measurement measurement) {
        CpuTime cpu = measurement.cpu();
        if (cpu == null) {
            return Wording.notMeasured(subject, metric, bound, 0, "this JVM does not measure thread CPU time"
                    + " (ThreadMXBean.isCurrentThreadCpuTimeSupported() is false), or the result's recorder does"
                    + " not record it; gate wall time (p50, mean) instead");
        }
        if (metric == Metric.CPU_MEAN) {
            if (cpu.invocations() == 0) {
                return Wording.notMeasured(subject, metric, bound, 0, "no invocation was measured");
            }
            return Wording.judged(subject, metric, bound, cpu.perInvocation(), cpu.invocations(), null, null);
        }
        if (cpu.perInvocationHistogram() == null) {
            return Wording.notMeasured(subject, metric, bound, 0, "each invocation's CPU time was not recorded"
                    + " (recorders time it per invocation only when a CPU percentile is gated; rerun the test)");
        }
        LatencyHistogram histogram = subject.histogram(cpu.perInvocationHistogram(), "CPU time");
        if (histogram.count() == 0) {
            return Wording.notMeasured(subject, metric, bound, 0, "no successful invocation was recorded");
        }
        return percentile(subject, metric, bound, histogram, histogram.count(), "samples", "");
    }

    /**
     * A percentile with its 95 % interval. From fewer samples than the sample rule asks for there is no verdict
     * either way, unless even the percentile's lower confidence limit is beyond the threshold: then more samples
     * could not make it pass.
     *
     * @param count what the figure rests on, as messages name it ({@code what}: samples, statements, ...)
     * @param hint  evidence and a fix, added on WARN or FAIL
     */
    static MetricOutcome percentile(Subject subject, Metric metric, Bound bound, LatencyHistogram histogram,
                                    long count, String what, String hint) {
        double quantile = metric.quantile().orElseThrow();
        long required = SampleRule.forQuantile(quantile);
        double value = histogram.valueAtQuantile(quantile);
        if (histogram.count() < required) {
            OptionalLong lowerEnd = PercentileInterval.lowerEnd(histogram, quantile,
                    PercentileInterval.DEFAULT_CONFIDENCE);
            if (lowerEnd.isPresent() && bound.judge(lowerEnd.getAsLong(), metric.direction()) == Verdict.FAIL) {
                return Wording.failsAtLowerLimit(subject, metric, bound, value, count, lowerEnd.getAsLong(), what, hint);
            }
            return Wording.tooFewSamples(subject, metric, bound, value, count, required, what);
        }
        Optional<PercentileInterval> interval = PercentileInterval.of(histogram, quantile,
                PercentileInterval.DEFAULT_CONFIDENCE);
        return Wording.judged(subject, metric, bound, value, count,
                interval.map(i -> (double) i.lower()).orElse(null),
                interval.map(i -> (double) i.upper()).orElse(null), hint);
    }
}
