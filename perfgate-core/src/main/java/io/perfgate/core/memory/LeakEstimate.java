package io.perfgate.core.memory;

import io.perfgate.core.result.HeapSample;
import io.perfgate.core.result.HeapTrend;

import java.util.List;
import java.util.Optional;

/**
 * How fast heap after GC grows: bytes per invocation and bytes per second of measured time, each a
 * Theil–Sen slope with a 95 % interval. A leak is established when the interval's lower end lies above
 * the bound; an interval straddling the bound is not evidence of a leak.
 *
 * @param perInvocation bytes retained per invocation
 * @param perSecond     bytes retained per second spent in the measured body
 * @param samples       the samples the fit rests on (for the report's chart)
 */
public record LeakEstimate(SlopeEstimate perInvocation, SlopeEstimate perSecond, List<HeapSample> samples) {

    public static final double CONFIDENCE = 0.95;
    /** Fewer samples than this give no verdict on a leak. */
    public static final int MIN_SAMPLES = 10;

    public LeakEstimate {
        samples = List.copyOf(samples);
    }

    /** Fits a trend; empty when it has fewer than {@link #MIN_SAMPLES} samples or no spread in x. */
    public static Optional<LeakEstimate> of(HeapTrend trend) {
        List<HeapSample> samples = trend.samples();
        if (samples.size() < MIN_SAMPLES) {
            return Optional.empty();
        }
        int n = samples.size();
        double[] invocations = new double[n];
        double[] seconds = new double[n];
        double[] heap = new double[n];
        for (int i = 0; i < n; i++) {
            HeapSample sample = samples.get(i);
            invocations[i] = sample.invocations();
            seconds[i] = sample.measuredNanos() / 1e9;
            heap[i] = sample.heapAfterGcBytes();
        }
        Optional<SlopeEstimate> perInvocation = TheilSen.fit(invocations, heap, CONFIDENCE);
        Optional<SlopeEstimate> perSecond = TheilSen.fit(seconds, heap, CONFIDENCE);
        if (perInvocation.isEmpty() || perSecond.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LeakEstimate(perInvocation.get(), perSecond.get(), samples));
    }
}
