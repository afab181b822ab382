package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.Round;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Drives a body as a {@link WorkloadPlan} says and measures it: warmup (never measured), then rounds
 * separated by a full GC where the body's garbage makes one worth its cost ({@link RoundSeparation}), each round
 * timing every invocation into per-thread HdrHistograms that are merged afterwards. Invocations chain their
 * timestamps, so an invocation costs the body plus one {@code System.nanoTime()} and a histogram update (and, with
 * a setup between invocations, that setup and one more {@code System.nanoTime()}). A failed invocation (the body
 * threw) counts as an error per exception class and stays out of the latency histogram.
 *
 * <p>A body that always throws is not measured until the cap: when the first {@value #ALL_FAILED_STOP} measured
 * invocations of a thread all threw and none of any thread has succeeded, the run stops (see
 * {@link MeasuredRun#allFailed()}). One success anywhere in the measurement turns this off for the rest of the run,
 * so a body with occasional errors is always measured in full; the warmup does not count, so a body that fails
 * only while it warms up is not cut short either.
 *
 * <p>With one thread the body runs on the calling thread (thread-bound state such as a transaction stays
 * visible). With more, that many worker threads run it at once and are reused from round to round.
 *
 * <p>Memory, when asked for: bytes allocated by the measuring threads per invocation, the GC pauses inside
 * the rounds (see {@link GcPauseMonitor}), and the heap in use after a full GC once measuring is over.
 * Heap and GC are JVM-wide, so measured tests must not run in parallel with other work.
 */
public final class MeasuringLoop {
    /** How many measured invocations in a row, all failed and from the first one on, stop the run (per thread). */
    public static final int ALL_FAILED_STOP = 1_000;
    private static final long GC_NOTIFICATION_WAIT_MILLIS = 2_000;

    private final WorkloadPlan plan;
    private final boolean measureMemory;
    private final Predicate<Throwable> abortsRun;
    private final MeasuringListener listener;
    private final ContentionRule contentionRule;
    private final boolean cpuPerInvocation;

    /**
     * @param measureMemory whether to measure allocation, GC pauses and heap (only when a memory gate asks)
     * @param abortsRun     recognises what the body throws to abort (a failed assumption): when the very
     *                      first invocation throws it, the run stops with a {@link MeasurementAbortedException}
     */
    public MeasuringLoop(WorkloadPlan plan, boolean measureMemory, Predicate<Throwable> abortsRun) {
        this(plan, measureMemory, abortsRun, MeasuringListener.NONE);
    }

    /** @param listener told when the measured phase starts and ends (to record alongside it) */
    public MeasuringLoop(WorkloadPlan plan, boolean measureMemory, Predicate<Throwable> abortsRun,
                         MeasuringListener listener) {
        this(plan, measureMemory, abortsRun, listener, ContentionRule.fromSystemProperties(), false);
    }

    /**
     * @param contentionRule   when a round is too distorted by a busy machine to keep
     * @param cpuPerInvocation time each invocation's thread CPU time too (a gate bounds a CPU percentile); costly,
     *                         see {@link ThreadCpuClock}
     */
    public MeasuringLoop(WorkloadPlan plan, boolean measureMemory, Predicate<Throwable> abortsRun,
                         MeasuringListener listener, ContentionRule contentionRule, boolean cpuPerInvocation) {
        this.plan = plan;
        this.measureMemory = measureMemory;
        this.abortsRun = abortsRun;
        this.listener = listener;
        this.contentionRule = contentionRule;
        this.cpuPerInvocation = cpuPerInvocation;
    }

    /** The same loop, timing each invocation's CPU time as well when {@code perInvocation} is true. */
    public MeasuringLoop withCpuPerInvocation(boolean perInvocation) {
        return new MeasuringLoop(plan, measureMemory, abortsRun, listener, contentionRule, perInvocation);
    }

    /**
     * Runs the plan.
     *
     * @throws MeasurementAbortedException when the body's first invocation aborted
     * @throws CancellationException       when the calling thread is interrupted while workers run
     */
    public MeasuredRun run(Invocable body) {
        return run(body, null);
    }

    /**
     * Runs the plan, calling {@code between} before every invocation but the first (a per-invocation setup),
     * outside the measured time. Only with one thread: the setup and the body share state.
     *
     * @throws BetweenInvocationsException when {@code between} throws; the run ends there
     */
    public MeasuredRun run(Invocable body, Invocable between) {
        if (between != null && plan.threads() != 1) {
            throw new IllegalArgumentException("a setup between invocations needs one thread, not " + plan.threads());
        }
        long runStart = System.nanoTime();
        long capDeadline = runStart + plan.maxDurationNanos();
        int threads = plan.threads();
        Worker[] workers = new Worker[threads];
        AtomicBoolean anySucceeded = new AtomicBoolean();
        for (int i = 0; i < threads; i++) {
            // allocation is counted on every run (two reads a round): it decides whether a round needs a GC first
            workers[i] = new Worker(body, between, abortsRun, ThreadAllocation.supported(), anySucceeded,
                    cpuPerInvocation);
        }
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, new WorkerThreads());
        GcPauseMonitor gc = null;
        try {
            RoundSeparation separation = new RoundSeparation(measureMemory);
            separation.allocated(allocatedBy(warmUp(workers, pool, capDeadline)));
            for (Worker worker : workers) {
                worker.startMeasuring();
            }
            listener.measuringStarted();

            gc = measureMemory ? GcPauseMonitor.start() : null;
            List<Long> heapByRound = new ArrayList<>();
            List<Round> rounds = new ArrayList<>();
            LatencyHistogram total = new LatencyHistogram();
            long invocations = 0;
            long errors = 0;
            long durationNanos = 0;
            long allocated = 0;
            boolean allocationKnown = measureMemory && ThreadAllocation.supported();
            boolean capped = false;
            boolean allFailed = false;
            int planned = plan.rounds();
            ContentionTally contention = new ContentionTally(contentionRule);
            for (int round = 0; round < planned; round++) {
                // separate replicates (and the warmup) by a full collection where garbage could otherwise set one off
                // inside the round (see RoundSeparation)
                if (separation.collectBeforeRound()) {
                    long heap = measureMemory ? HeapProbe.usedAfterGc() : gcAndContinue();
                    if (measureMemory) {
                        heapByRound.add(heap);
                    }
                    separation.collected();
                }
                long remaining = capDeadline - System.nanoTime();
                if (remaining <= 0) {
                    capped = true;
                    break;
                }
                SliceSpec.RoundPlan roundPlan = SliceSpec.round(plan, round, planned - round, remaining);
                capped |= roundPlan.shortened();
                if (gc != null) {
                    gc.openWindow();
                }
                List<Worker.Slice> slices = runPhase(workers, pool, i -> roundPlan.forWorker(i));
                if (gc != null) {
                    gc.closeWindow();
                }
                separation.allocated(allocatedBy(slices));
                throwIfAborted(workers);

                RoundTally tally = RoundTally.of(slices);
                if (!tally.anyRan) {
                    continue;
                }
                capped |= tally.hitHardStop && !plan.fixedDuration();
                if (contention.discards(tally)) {
                    // a busy machine, not the code: measure this round again after a pause (see ContentionRule),
                    // unless the machine stays busy; then the verdicts say why
                    if (ContentionRule.givesUp(contention.discarded(), planned)) {
                        break;
                    }
                    round--;
                    pause(Math.min(ContentionRule.pauseAfter(tally.durationNanos()), capDeadline - System.nanoTime()));
                    continue;
                }
                if (tally.allocatedBytes >= 0) {
                    allocated += tally.allocatedBytes;
                } else {
                    allocationKnown = false;
                }
                rounds.add(tally.toRound());
                total.add(tally.histogram);
                invocations += tally.invocations;
                errors += tally.errors;
                durationNanos += tally.durationNanos();
                if (tally.stoppedFailing && errors == invocations) {
                    allFailed = true;
                    break;
                }
            }
            long measurementEnd = System.nanoTime();
            listener.measuringEnded();

            MemoryMeasurement memory = null;
            if (measureMemory) {
                long heapAfterGc = HeapProbe.usedAfterGc();
                heapByRound.add(heapAfterGc);
                GcPauseMonitor.GcPauses pauses = gc == null ? null : gc.finish(GC_NOTIFICATION_WAIT_MILLIS);
                gc = null;
                memory = new MemoryMeasurement(heapAfterGc,
                        allocationKnown && invocations > 0 ? (double) allocated / invocations : null,
                        pauses == null ? null : pauses.maxPauseNanos(),
                        pauses == null ? null : pauses.totalPauseNanos(),
                        pauses == null ? null : pauses.count());
            }
            Throwable firstError = firstError(workers);
            Measurement measurement = new Measurement(invocations, errors, errorsByKind(workers),
                    firstError == null ? null : String.valueOf(firstError),
                    durationNanos, total.encode(), memory, null, rounds)
                    .withContention(contention.contention(planned), contention.cpuTime());
            return new MeasuredRun(measurement, capped, measurementEnd, heapByRound, firstError, allFailed);
        } finally {
            if (gc != null) {
                gc.finish(0);
            }
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Runs the warmup and returns its slices (none when there is no warmup). */
    private List<Worker.Slice> warmUp(Worker[] workers, ExecutorService pool, long capDeadline) {
        long remaining = Math.max(1, capDeadline - System.nanoTime());
        IntFunction<SliceSpec> specs = SliceSpec.warmup(plan, workers.length, remaining);
        if (specs == null) {
            return List.of();
        }
        List<Worker.Slice> slices = runPhase(workers, pool, specs);
        throwIfAborted(workers);
        return slices;
    }

    /** Bytes the slices' threads allocated; -1 when any of them could not say. */
    private static long allocatedBy(List<Worker.Slice> slices) {
        long bytes = 0;
        for (Worker.Slice slice : slices) {
            if (slice == null) {
                continue;
            }
            if (slice.allocatedBytes() < 0) {
                return -1;
            }
            bytes += slice.allocatedBytes();
        }
        return bytes;
    }

    /** Runs one slice on every worker (those whose spec is null sit out) and returns the slices in worker order. */
    private static List<Worker.Slice> runPhase(Worker[] workers, ExecutorService pool, IntFunction<SliceSpec> specs) {
        List<Worker.Slice> slices = new ArrayList<>(workers.length);
        if (pool == null) {
            SliceSpec spec = specs.apply(0);
            slices.add(spec == null ? null : execute(workers[0], spec));
            return slices;
        }
        List<Future<Worker.Slice>> futures = new ArrayList<>(workers.length);
        for (int i = 0; i < workers.length; i++) {
            Worker worker = workers[i];
            SliceSpec spec = specs.apply(i);
            futures.add(spec == null ? null : pool.submit(() -> execute(worker, spec)));
        }
        try {
            for (Future<Worker.Slice> future : futures) {
                slices.add(future == null ? null : future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while measuring");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        return slices;
    }

    private static Worker.Slice execute(Worker worker, SliceSpec spec) {
        return worker.run(spec.maxInvocations(), spec.softStopNanos(), spec.hardStopNanos(),
                spec.minInvocations(), spec.minSuccesses());
    }

    private static void throwIfAborted(Worker[] workers) {
        for (Worker worker : workers) {
            if (worker.abort() != null) {
                throw new MeasurementAbortedException(worker.abort());
            }
        }
    }

    private static Map<String, Long> errorsByKind(Worker[] workers) {
        Map<String, Long> merged = new TreeMap<>();
        for (Worker worker : workers) {
            worker.errorsByKind().forEach((kind, count) -> merged.merge(kind, count[0], Long::sum));
        }
        return merged;
    }

    private static Throwable firstError(Worker[] workers) {
        Worker first = null;
        for (Worker worker : workers) {
            if (worker.firstError() != null && (first == null || worker.firstErrorAt() - first.firstErrorAt() < 0)) {
                first = worker;
            }
        }
        return first == null ? null : first.firstError();
    }

    private static void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while measuring");
        }
    }

    private static long gcAndContinue() {
        System.gc();
        return -1;
    }

    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private static final AtomicInteger RUNS = new AtomicInteger();
        private final int run = RUNS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "perfgate-" + run + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
