package io.perfgate.core.memory;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.measure.Invocable;
import io.perfgate.core.result.HeapTrend;

import java.util.OptionalLong;

/**
 * Runs a test body in batches separated by forced collections and samples heap after GC after each
 * batch: the leak-detection phase of a measurement. It runs apart from the timed rounds because each
 * sample is a full collection, and because the rounds' own records would grow the heap a little per
 * round and pass for a leak.
 *
 * <p>Batches aim at {@code nanosPerSample} of body time each, but are kept small enough that the
 * samples still to come cannot grow the heap by more than a budget (the lesser of 64 MB, a quarter of
 * the maximum heap and half the free heap): a leaking body is then caught with evidence instead of an
 * OutOfMemoryError. Once the budget is spent, sampling goes on one invocation per sample until there are
 * enough samples for a verdict; a heap that runs out even so is reported as the problem. Exceptions
 * thrown by the body are ignored here; the timed rounds count them.
 */
public final class LeakSampler {

    public static final int DEFAULT_SAMPLES = 20;
    public static final long DEFAULT_NANOS_PER_SAMPLE = 20_000_000L;
    private static final long MAX_BUDGET_BYTES = 64L * 1024 * 1024;
    private static final long PILOT_INVOCATIONS = 4;
    private static final long MAX_INVOCATIONS_PER_SAMPLE = 1_000_000;

    private final HeapAfterGcProbe probe;
    private final int samples;
    private final long nanosPerSample;
    private final long maxNanos;

    /**
     * @param samples        heap samples to take, the first before any invocation ({@link LeakEstimate#MIN_SAMPLES} at least)
     * @param nanosPerSample body time to aim at between two samples
     * @param maxNanos       wall-time cap for the whole phase, forced collections included; fewer samples
     *                       are then taken, and too few make the verdict INCONCLUSIVE
     */
    public LeakSampler(HeapAfterGcProbe probe, int samples, long nanosPerSample, long maxNanos) {
        if (samples < LeakEstimate.MIN_SAMPLES) {
            throw new IllegalArgumentException("leak detection needs at least " + LeakEstimate.MIN_SAMPLES
                    + " samples, got " + samples);
        }
        this.probe = probe;
        this.samples = samples;
        this.nanosPerSample = Math.max(1, nanosPerSample);
        this.maxNanos = maxNanos;
    }

    public LeakSampler(long maxNanos) {
        this(new HeapAfterGcProbe(), DEFAULT_SAMPLES, DEFAULT_NANOS_PER_SAMPLE, maxNanos);
    }

    /** The default number of samples, each after about {@code nanosPerSample} of body time. */
    public LeakSampler(long nanosPerSample, long maxNanos) {
        this(new HeapAfterGcProbe(), DEFAULT_SAMPLES, nanosPerSample, maxNanos);
    }

    public HeapTrend run(Invocable body) {
        long phaseStart = System.nanoTime();
        HeapTrendRecorder recorder = new HeapTrendRecorder(probe, samples);
        OptionalLong first = recorder.sample(0, 0);
        if (first.isEmpty()) {
            return recorder.trend();
        }
        long startHeap = first.getAsLong();
        long max = Runtime.getRuntime().maxMemory();
        long budget = Math.min(MAX_BUDGET_BYTES, Math.min(max / 4, Math.max(0, (max - startHeap) / 2)));
        long invocations = 0;
        long measured = 0;
        long batch = PILOT_INVOCATIONS;
        for (int taken = 1; taken < samples; taken++) {
            if (System.nanoTime() - phaseStart > maxNanos) {
                break;
            }
            long batchStart = System.nanoTime();
            try {
                for (long i = 0; i < batch; i++) {
                    try {
                        body.invoke();
                    } catch (OutOfMemoryError e) {
                        throw e;
                    } catch (Throwable ignored) {
                        // counted by the timed rounds; a leak can hide in error paths too, so keep going
                    }
                    invocations++;
                }
            } catch (OutOfMemoryError e) {
                recorder.fail("the heap ran out after " + QuantityKind.grouped(invocations)
                        + " invocations of the leak-detection phase: a leak, or a body that needs a larger -Xmx");
                break;
            }
            long batchNanos = System.nanoTime() - batchStart;
            measured += batchNanos;
            OptionalLong heap = recorder.sample(invocations, measured);
            if (heap.isEmpty()) {
                break;
            }
            batch = nextBatch(batch, batchNanos, heap.getAsLong() - startHeap, invocations, budget,
                    samples - 1 - taken);
            if (batch == 0) {
                if (taken + 1 >= LeakEstimate.MIN_SAMPLES) {
                    break; // the budget is used up: the samples so far are the evidence
                }
                batch = 1; // a leak this fast still needs enough samples for a verdict; the heap has room for them
            }
        }
        return recorder.trend();
    }

    /**
     * Invocations for the next batch: enough for the time per sample, few enough that the growth seen
     * so far, continued over the remaining samples, stays within the budget; 0 when the budget is spent.
     */
    long nextBatch(long batch, long batchNanos, long grownBytes, long invocations, long budget,
                   int remainingSamples) {
        double nanosPerInvocation = Math.max(1.0, (double) batchNanos / batch);
        long next = (long) Math.min(MAX_INVOCATIONS_PER_SAMPLE, Math.max(1, Math.ceil(nanosPerSample / nanosPerInvocation)));
        long grown = Math.max(0, grownBytes);
        long left = budget - grown;
        if (left <= 0) {
            return 0;
        }
        if (grown > 0 && remainingSamples > 0) {
            double bytesPerInvocation = (double) grown / invocations;
            next = Math.min(next, Math.max(1, (long) (left / (bytesPerInvocation * remainingSamples))));
        }
        return next;
    }
}
