package io.perfgate.core.memory;

import io.perfgate.core.result.HeapSample;
import io.perfgate.core.result.HeapTrend;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples heap after GC between invocations, for leak detection. Storage is allocated up front so
 * recording a sample retains nothing: a recorder that kept one small object per sample would itself
 * show up as a leak of some bytes per sample. Not thread-safe: call it from the thread that drives the
 * measurement, while no invocation runs.
 */
public final class HeapTrendRecorder {

    private final HeapAfterGcProbe probe;
    private final long[] invocations;
    private final long[] measuredNanos;
    private final long[] heapAfterGc;
    private int count;
    private String problem;

    /** @param capacity the most samples it will take */
    public HeapTrendRecorder(HeapAfterGcProbe probe, int capacity) {
        this.probe = probe;
        this.invocations = new long[capacity];
        this.measuredNanos = new long[capacity];
        this.heapAfterGc = new long[capacity];
    }

    /**
     * Forces a collection and records the heap after it.
     *
     * @param invocationsSoFar   measured invocations completed so far
     * @param measuredNanosSoFar time spent in the measured body so far, sampling excluded
     * @return the heap after GC; empty when the JVM ignored the forced collection (the trend then says
     *         why) or the capacity is used up
     */
    public OptionalLong sample(long invocationsSoFar, long measuredNanosSoFar) {
        if (problem != null || count == invocations.length) {
            return OptionalLong.empty();
        }
        OptionalLong heap = probe.heapAfterGc();
        if (heap.isEmpty()) {
            problem = "the JVM ignored System.gc() (-XX:+DisableExplicitGC, or a collector that never collects),"
                    + " so heap after GC could not be sampled; remove that option from the test JVM's argLine";
            return heap;
        }
        invocations[count] = invocationsSoFar;
        measuredNanos[count] = measuredNanosSoFar;
        heapAfterGc[count] = heap.getAsLong();
        count++;
        return heap;
    }

    /** Marks the trend unusable; the first problem stays. */
    public void fail(String why) {
        if (problem == null) {
            problem = why;
        }
    }

    public int sampleCount() {
        return count;
    }

    /** What was sampled so far. */
    public HeapTrend trend() {
        List<HeapSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(new HeapSample(invocations[i], measuredNanos[i], heapAfterGc[i]));
        }
        return new HeapTrend(samples, problem);
    }
}
