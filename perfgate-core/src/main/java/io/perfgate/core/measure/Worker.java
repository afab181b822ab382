package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One measuring thread's state and its hot loop. Each worker owns its histogram (HdrHistogram is not
 * thread-safe); the coordinator merges them after each round. The histogram is reused from warmup on, so it
 * has grown to the body's latency range before measuring starts and recording allocates nothing.
 */
final class Worker {

    /** Why a slice ended. */
    enum Stop { COUNT_REACHED, HARD_STOP, SATISFIED, ABORTED }

    /**
     * What one slice of work produced.
     *
     * @param startNanos     {@code System.nanoTime()} before the first invocation
     * @param endNanos       {@code System.nanoTime()} after the last one
     * @param allocatedBytes bytes this thread allocated during the slice; -1 when not measured
     * @param histogram      successful invocations' latency, a copy detached from the worker
     */
    record Slice(long invocations, long errors, long startNanos, long endNanos, long allocatedBytes,
                 LatencyHistogram histogram, Stop stop) {

        long elapsedNanos() {
            return endNanos - startNanos;
        }
    }

    private final Invocable body;
    private final Predicate<Throwable> abortsRun;
    private final boolean measureAllocation;
    private final LatencyHistogram histogram = new LatencyHistogram();
    private final Map<String, long[]> errorsByKind = new HashMap<>();
    private String firstError;
    private long firstErrorAt;
    private boolean started;
    private Throwable abort;

    Worker(Invocable body, Predicate<Throwable> abortsRun, boolean measureAllocation) {
        this.body = body;
        this.abortsRun = abortsRun;
        this.measureAllocation = measureAllocation;
    }

    /**
     * Invokes the body until one of the stops applies. Times are relative to the slice's start.
     *
     * @param maxInvocations stop after this many invocations (at least 1)
     * @param softStopNanos  past this time, stop as soon as {@code minInvocations} and {@code minSuccesses} are met
     * @param hardStopNanos  past this time, stop
     */
    Slice run(long maxInvocations, long softStopNanos, long hardStopNanos, long minInvocations, long minSuccesses) {
        final Invocable body = this.body;
        final LatencyHistogram histogram = this.histogram;
        long allocatedBefore = measureAllocation ? ThreadAllocation.currentThreadAllocatedBytes() : -1;
        final long sliceStart = System.nanoTime();
        long start = sliceStart;
        long invocations = 0;
        long errors = 0;
        Stop stop;
        while (true) {
            boolean failed = false;
            try {
                body.invoke();
            } catch (Throwable thrown) {
                if (!started && invocations == 0 && abortsRun.test(thrown)) {
                    abort = thrown;
                    stop = Stop.ABORTED;
                    break;
                }
                failed = true;
                countError(thrown);
            }
            // chained timestamps: the end of one invocation is the start of the next, one nanoTime per invocation
            long now = System.nanoTime();
            invocations++;
            if (failed) {
                errors++;
            } else {
                histogram.record(now - start);
            }
            start = now;
            long elapsed = now - sliceStart;
            if (invocations >= maxInvocations) {
                stop = Stop.COUNT_REACHED;
                break;
            }
            if (elapsed >= hardStopNanos) {
                stop = Stop.HARD_STOP;
                break;
            }
            if (elapsed >= softStopNanos && invocations >= minInvocations && invocations - errors >= minSuccesses) {
                stop = Stop.SATISFIED;
                break;
            }
        }
        long allocated = measureAllocation && allocatedBefore >= 0
                ? ThreadAllocation.currentThreadAllocatedBytes() - allocatedBefore : -1;
        if (invocations > 0) {
            started = true;
        }
        LatencyHistogram recorded = histogram.copy();
        histogram.reset();
        return new Slice(invocations, errors, sliceStart, start, allocated, recorded, stop);
    }

    private void countError(Throwable thrown) {
        errorsByKind.computeIfAbsent(thrown.getClass().getName(), kind -> new long[1])[0]++;
        if (firstError == null) {
            firstError = String.valueOf(thrown);
            firstErrorAt = System.nanoTime();
        }
    }

    /** Forgets the errors counted so far (those of the warmup). */
    void forgetErrors() {
        errorsByKind.clear();
        firstError = null;
    }

    Map<String, long[]> errorsByKind() {
        return errorsByKind;
    }

    String firstError() {
        return firstError;
    }

    long firstErrorAt() {
        return firstErrorAt;
    }

    /** What the first invocation threw when it aborted the run; null otherwise. */
    Throwable abort() {
        return abort;
    }
}
