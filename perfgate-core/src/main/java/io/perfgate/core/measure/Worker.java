package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One measuring thread's state and its hot loop. Each worker owns its histogram (HdrHistogram is not
 * thread-safe); the coordinator merges them after each round. The histogram is reused from warmup on, so it
 * has grown to the body's latency range before measuring starts and recording allocates nothing.
 */
final class Worker {

    /** Why a slice ended. */
    enum Stop { COUNT_REACHED, HARD_STOP, SATISFIED, ABORTED, ALL_FAILED }

    /**
     * What one slice of work produced.
     *
     * @param startNanos     {@code System.nanoTime()} before the first invocation, moved later by the time spent
     *                       between invocations (per-invocation setup), so the elapsed time is measured time
     * @param endNanos       {@code System.nanoTime()} after the last one
     * @param allocatedBytes bytes this thread allocated during the slice; -1 when not measured
     * @param histogram      successful invocations' latency, a copy detached from the worker
     * @param cpuNanos       thread CPU time this thread spent in the slice; -1 when not measured
     * @param waitNanos      time this thread was runnable but waiting for a CPU during the slice (schedstat);
     *                       -1 where the system does not say
     * @param cpuHistogram   successful invocations' thread CPU time, a detached copy; null unless timed per invocation
     */
    record Slice(long invocations, long errors, long startNanos, long endNanos, long allocatedBytes,
                 LatencyHistogram histogram, Stop stop, long cpuNanos, long waitNanos, LatencyHistogram cpuHistogram) {

        long elapsedNanos() {
            return endNanos - startNanos;
        }
    }

    private final Invocable body;
    /** Runs before every invocation but the first, outside the measured time; null when nothing does. */
    private final Invocable between;
    private boolean invokedBefore;
    private final Predicate<Throwable> abortsRun;
    private final boolean measureAllocation;
    private final LatencyHistogram histogram = new LatencyHistogram();
    /**
     * Each invocation's thread CPU time; null unless a gate bounds a CPU percentile (a read costs 1.5 to 4 us, see
     * {@link ThreadCpuClock}).
     */
    private final LatencyHistogram cpuHistogram;
    private final Map<String, long[]> errorsByKind = new HashMap<>();
    /** Set by the first worker whose measured invocation succeeds; shared by the workers of one run. */
    private final AtomicBoolean anySucceeded;
    private Throwable firstError;
    private long firstErrorAt;
    private boolean started;
    private boolean measuring;
    private boolean succeeded;
    /** Measured invocations before this slice, all of which threw while {@link #succeeded} is false. */
    private long measuredFailures;
    private Throwable abort;

    /**
     * @param between          run before every invocation but the first, unmeasured; what it throws ends the run
     * @param cpuPerInvocation also time each invocation's thread CPU time (costly: see {@link ThreadCpuClock})
     */
    Worker(Invocable body, Invocable between, Predicate<Throwable> abortsRun, boolean measureAllocation,
           AtomicBoolean anySucceeded, boolean cpuPerInvocation) {
        this.cpuHistogram = cpuPerInvocation && ThreadCpuClock.supported() ? new LatencyHistogram() : null;
        this.body = body;
        this.between = between;
        this.abortsRun = abortsRun;
        this.measureAllocation = measureAllocation;
        this.anySucceeded = anySucceeded;
    }

    /**
     * Invokes the body until one of the stops applies. Times are relative to the slice's start. Once measuring,
     * the slice also stops when this worker's first {@link MeasuringLoop#ALL_FAILED_STOP} measured invocations
     * all threw and no worker's measured invocation has succeeded.
     *
     * @param maxInvocations stop after this many invocations (at least 1)
     * @param softStopNanos  past this time, stop as soon as {@code minInvocations} and {@code minSuccesses} are met
     * @param hardStopNanos  past this time, stop
     */
    Slice run(long maxInvocations, long softStopNanos, long hardStopNanos, long minInvocations, long minSuccesses) {
        final Invocable body = this.body;
        final Invocable between = this.between;
        long betweenNanos = 0;
        final LatencyHistogram histogram = this.histogram;
        final LatencyHistogram cpuHistogram = this.cpuHistogram;
        final boolean timeCpu = cpuHistogram != null;
        // per round, from the thread itself: how long it waited for a CPU, and the CPU it used
        long waitBefore = SchedStat.currentThreadWaitNanos();
        long allocatedBefore = measureAllocation ? ThreadAllocation.currentThreadAllocatedBytes() : -1;
        long cpuBefore = ThreadCpuClock.currentThreadCpuNanos();
        long cpuStart = cpuBefore; // read once: the round's CPU start is the first invocation's
        final long sliceStart = System.nanoTime();
        long start = sliceStart;
        long invocations = 0;
        long errors = 0;
        // while measuring and nothing succeeded yet: how many failures in a row (this slice) stop it
        boolean watching = measuring && !succeeded;
        final long failuresToStop = Math.max(1, MeasuringLoop.ALL_FAILED_STOP - measuredFailures);
        Stop stop;
        while (true) {
            if (between != null) {
                if (invokedBefore) {
                    try {
                        between.invoke();
                    } catch (Throwable thrown) {
                        throw new BetweenInvocationsException(thrown);
                    }
                    if (timeCpu) {
                        cpuStart = ThreadCpuClock.currentThreadCpuNanos();
                    }
                    long resumed = System.nanoTime();
                    betweenNanos += resumed - start;
                    start = resumed;
                }
                invokedBefore = true;
            }
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
            long cpuNow = timeCpu ? ThreadCpuClock.currentThreadCpuNanos() : 0;
            invocations++;
            if (failed) {
                errors++;
                if (watching && errors >= failuresToStop && !anySucceeded.get()) {
                    start = now;
                    stop = Stop.ALL_FAILED;
                    break;
                }
            } else {
                histogram.record(now - start);
                if (timeCpu) {
                    cpuHistogram.record(Math.max(0, cpuNow - cpuStart));
                }
                if (watching) {
                    watching = false;
                    succeeded = true;
                    anySucceeded.set(true);
                }
            }
            start = now;
            if (timeCpu) {
                // the CPU-time read stays out of the wall time: the next invocation starts after it
                cpuStart = cpuNow;
                start = System.nanoTime();
                betweenNanos += start - now;
            }
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
        long cpuAfter = ThreadCpuClock.currentThreadCpuNanos();
        long waitAfter = SchedStat.currentThreadWaitNanos();
        if (invocations > 0) {
            started = true;
        }
        if (watching) {
            measuredFailures += errors;
        }
        LatencyHistogram recorded = histogram.copy();
        histogram.reset();
        LatencyHistogram cpuRecorded = null;
        if (timeCpu) {
            cpuRecorded = cpuHistogram.copy();
            cpuHistogram.reset();
        }
        return new Slice(invocations, errors, sliceStart + betweenNanos, start, allocated, recorded, stop,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore,
                waitBefore < 0 || waitAfter < 0 ? -1 : waitAfter - waitBefore, cpuRecorded);
    }

    private void countError(Throwable thrown) {
        errorsByKind.computeIfAbsent(thrown.getClass().getName(), kind -> new long[1])[0]++;
        if (firstError == null) {
            firstError = thrown;
            firstErrorAt = System.nanoTime();
        }
    }

    /** Ends the warmup: forgets the errors counted so far, and from now on watches for a body that always throws. */
    void startMeasuring() {
        errorsByKind.clear();
        firstError = null;
        measuring = true;
    }

    Map<String, long[]> errorsByKind() {
        return errorsByKind;
    }

    /** What the first measured invocation that threw threw; null when none did. */
    Throwable firstError() {
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
