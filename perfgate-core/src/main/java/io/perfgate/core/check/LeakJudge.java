package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.memory.LeakEstimate;
import io.perfgate.core.memory.SlopeEstimate;
import io.perfgate.core.result.HeapSample;
import io.perfgate.core.result.HeapTrend;
import io.perfgate.core.result.Measurement;

import java.util.Optional;

/**
 * Leak per invocation or per hour: the slope of heap after GC. A leak is established only when the slope's
 * interval lies wholly above the bound, so the bound judges the interval's lower end: an interval that straddles
 * it is no evidence of a leak (heap after GC is noisy), and passes, with the interval shown.
 */
final class LeakJudge implements GateJudge {

    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        Measurement measurement = subject.measurement();
        HeapTrend trend = measurement.memory() == null ? null : measurement.memory().heapTrend();
        if (trend == null) {
            return Wording.notMeasured(subject, metric, bound, measurement.invocations(),
                    "heap after GC was not sampled across the run");
        }
        if (trend.problem() != null) {
            return Wording.notMeasured(subject, metric, bound, trend.samples().size(), trend.problem());
        }
        int count = trend.samples().size();
        Optional<LeakEstimate> fitted = LeakEstimate.of(trend);
        if (fitted.isEmpty()) {
            return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, null, count, null, null,
                    metric.label() + " needs at least " + LeakEstimate.MIN_SAMPLES + " heap samples after GC, got "
                            + count + subject.context(count) + ": the test's time cap ended the leak-detection phase;"
                            + " raise maxDuration in @PerfTest, or set allowInconclusive = true");
        }
        LeakEstimate leak = fitted.get();
        SlopeEstimate slope = metric == Metric.LEAK_PER_INVOCATION ? leak.perInvocation() : leak.perSecond();
        Verdict verdict = bound.judge(slope.lower(), metric.direction());
        return Wording.outcome(metric, bound, verdict, slope.slope(), count, slope.lower(), slope.upper(),
                message(metric, bound, verdict, slope, leak) + subject.context(count));
    }

    private static String message(Metric metric, Bound bound, Verdict verdict, SlopeEstimate slope, LeakEstimate leak) {
        QuantityKind kind = metric.kind();
        String measured = Wording.measured(metric, slope.slope()) + " (" + Math.round(slope.confidence() * 100)
                + "% interval " + kind.format(slope.lower()) + " .. " + kind.format(slope.upper()) + ")";
        HeapSample first = leak.samples().get(0);
        HeapSample last = leak.samples().get(leak.samples().size() - 1);
        String evidence = "heap after GC went from " + QuantityKind.SIZE.format(first.heapAfterGcBytes()) + " to "
                + QuantityKind.SIZE.format(last.heapAfterGcBytes()) + " over "
                + QuantityKind.grouped(last.invocations() - first.invocations()) + " invocations";
        return switch (verdict) {
            case FAIL -> measured + " is significantly above the threshold " + kind.format(bound.threshold())
                    + ": " + evidence + "; something keeps a reference per invocation (a static collection,"
                    + " a cache without eviction, listeners never removed): compare two heap dumps"
                    + " (jcmd <pid> GC.heap_dump) taken some invocations apart";
            case WARN -> measured + " is significantly above the target " + kind.format(bound.target().getAsDouble())
                    + " (threshold " + kind.format(bound.threshold()) + "): " + evidence;
            default -> measured + " is not significantly above " + bound.text();
        };
    }
}
