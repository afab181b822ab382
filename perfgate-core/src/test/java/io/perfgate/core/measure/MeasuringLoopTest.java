package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.Round;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasuringLoopTest {

    /** Escapes allocations so the JIT cannot remove them. */
    static volatile Object sink;

    private static final class Aborted extends RuntimeException {
    }

    private static WorkloadPlan plan(String warmup, long warmupInvocations, long invocations, String duration,
                                     int threads, String maxDuration, SampleRequirement need) {
        return WorkloadPlan.resolve(Profile.SMOKE, new WorkloadRequest(warmup, warmupInvocations, invocations, duration,
                threads, maxDuration, "@PerfTest", "MeasuringLoopTest"), need);
    }

    private static MeasuredRun run(WorkloadPlan plan, boolean memory, Invocable body) {
        // counts of invocations are asserted: no round may be measured again for a busy machine here
        return new MeasuringLoop(plan, memory, thrown -> thrown instanceof Aborted, MeasuringListener.NONE,
                ContentionRule.NEVER, false).run(body);
    }

    @Test
    void measuresExactlyTheInvocationsAskedForInRoundsAfterTheWarmup() {
        AtomicLong calls = new AtomicLong();
        MeasuredRun run = run(plan("", 50, 103, "", 1, "", SampleRequirement.NONE), false, calls::incrementAndGet);

        Measurement measurement = run.measurement();
        assertEquals(153, calls.get(), "warmup invocations run but are not measured");
        assertEquals(103, measurement.invocations());
        assertEquals(0, measurement.errors());
        assertEquals(103, LatencyHistogram.decode(measurement.latencyHistogram()).count());
        assertEquals(Profile.SMOKE.rounds(), measurement.rounds().size());
        assertEquals(103, measurement.rounds().stream().mapToLong(Round::invocations).sum());
        assertEquals(103, measurement.rounds().stream()
                .mapToLong(round -> LatencyHistogram.decode(round.latencyHistogram()).count()).sum());
        assertEquals(measurement.durationNanos(), measurement.rounds().stream().mapToLong(Round::durationNanos).sum());
        assertFalse(run.capped());
        assertTrue(run.heapAfterGcByRound().isEmpty(), "memory is measured only when asked");
        assertEquals(null, measurement.memory());
    }

    @Test
    void timesEachInvocation() {
        MeasuredRun run = run(plan("", 0, 20, "", 1, "", SampleRequirement.NONE), false, () -> Thread.sleep(2));
        LatencyHistogram histogram = LatencyHistogram.decode(run.measurement().latencyHistogram());
        assertEquals(20, histogram.count());
        assertTrue(histogram.min() >= TimeUnit.MILLISECONDS.toNanos(2) * 0.99, "slept 2 ms, measured " + histogram.min());
        assertTrue(run.measurement().durationNanos() >= TimeUnit.MILLISECONDS.toNanos(40) * 0.99);
    }

    @Test
    void countsErrorsPerKindAndKeepsThemOutOfTheLatency() {
        AtomicLong calls = new AtomicLong();
        MeasuredRun run = run(plan("", 10, 300, "", 1, "", SampleRequirement.NONE), false, () -> {
            long call = calls.incrementAndGet();
            if (call % 3 == 0) {
                throw new IllegalStateException("call " + call);
            }
            if (call % 10 == 1) {
                throw new UnsupportedOperationException("first " + call);
            }
        });
        Measurement measurement = run.measurement();
        // calls 11..310 are measured: multiples of 3 throw ISE, ...1 not divisible by 3 throw UOE
        long ise = 0;
        long uoe = 0;
        for (long call = 11; call <= 310; call++) {
            if (call % 3 == 0) {
                ise++;
            } else if (call % 10 == 1) {
                uoe++;
            }
        }
        assertEquals(300, measurement.invocations());
        assertEquals(ise + uoe, measurement.errors());
        assertEquals(Map.of(IllegalStateException.class.getName(), ise, UnsupportedOperationException.class.getName(), uoe),
                measurement.errorsByKind());
        assertEquals("java.lang.UnsupportedOperationException: first 11", measurement.firstError(),
                "the warmup's errors are forgotten");
        assertEquals(300 - ise - uoe, LatencyHistogram.decode(measurement.latencyHistogram()).count());
        assertEquals(ise + uoe, measurement.rounds().stream().mapToLong(Round::errors).sum());
    }

    @Test
    void severalThreadsShareTheInvocationsAndTheirHistogramsAreMerged() {
        AtomicLong calls = new AtomicLong();
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        MeasuredRun run = run(plan("", 20, 1001, "", 3, "", SampleRequirement.NONE), false, () -> {
            calls.incrementAndGet();
            threadNames.add(Thread.currentThread().getName());
        });
        assertEquals(1021, calls.get());
        assertEquals(1001, run.measurement().invocations());
        assertEquals(1001, LatencyHistogram.decode(run.measurement().latencyHistogram()).count());
        assertEquals(3, threadNames.size(), threadNames.toString());
        assertFalse(threadNames.contains(Thread.currentThread().getName()));
    }

    @Test
    void oneThreadRunsOnTheCallingThread() {
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        run(plan("", 0, 10, "", 1, "", SampleRequirement.NONE), false,
                () -> threadNames.add(Thread.currentThread().getName()));
        assertEquals(Set.of(Thread.currentThread().getName()), threadNames);
    }

    @Test
    void anAbortOnTheFirstInvocationStopsTheRun() {
        AtomicLong calls = new AtomicLong();
        Aborted aborted = new Aborted();
        MeasurementAbortedException error = assertThrows(MeasurementAbortedException.class,
                () -> run(plan("", 100, 100, "", 1, "", SampleRequirement.NONE), false, () -> {
                    calls.incrementAndGet();
                    throw aborted;
                }));
        assertSame(aborted, error.getCause());
        assertEquals(1, calls.get());
    }

    @Test
    void anAbortAfterTheFirstInvocationIsAnError() {
        AtomicLong calls = new AtomicLong();
        MeasuredRun run = run(plan("", 0, 10, "", 1, "", SampleRequirement.NONE), false, () -> {
            if (calls.incrementAndGet() == 5) {
                throw new Aborted();
            }
        });
        assertEquals(1, run.measurement().errors());
        assertEquals(Map.of(Aborted.class.getName(), 1L), run.measurement().errorsByKind());
    }

    @Test
    void aBodyThatAlwaysThrowsStopsAfterItsFirstThousandMeasuredInvocationsKeepingTheFirstError() {
        AtomicLong calls = new AtomicLong();
        MeasuredRun run = run(plan("", 10, 1_000_000, "", 1, "", SampleRequirement.NONE), false, () -> {
            throw new IllegalStateException("call " + calls.incrementAndGet());
        });
        Measurement measurement = run.measurement();
        assertTrue(run.allFailed());
        assertFalse(run.capped());
        assertEquals(MeasuringLoop.ALL_FAILED_STOP, measurement.invocations());
        assertEquals(MeasuringLoop.ALL_FAILED_STOP, measurement.errors());
        assertEquals(10 + MeasuringLoop.ALL_FAILED_STOP, calls.get(), "the warmup runs in full and does not count");
        assertEquals(measurement.invocations(), measurement.rounds().stream().mapToLong(Round::invocations).sum());
        assertEquals("java.lang.IllegalStateException: call 11", measurement.firstError());
        assertEquals("call 11", run.firstError().getMessage());

        String trace = run.firstErrorTrace(3);
        String[] lines = trace.split(System.lineSeparator());
        assertEquals(4, lines.length, trace);
        assertEquals("java.lang.IllegalStateException: call 11", lines[0]);
        assertTrue(lines[1].contains("MeasuringLoopTest"), "the body's own frame comes first: " + lines[1]);
        assertTrue(lines[3].matches("\\t\\.\\.\\. [0-9]+ more lines"), lines[3]);
    }

    @Test
    void everyThreadStopsOnceNoMeasuredInvocationHasSucceeded() {
        MeasuredRun run = run(plan("", 0, 1_000_000, "", 2, "", SampleRequirement.NONE), false, () -> {
            throw new IllegalStateException("never works");
        });
        assertTrue(run.allFailed());
        assertEquals(2L * MeasuringLoop.ALL_FAILED_STOP, run.measurement().invocations());
        assertEquals(run.measurement().invocations(), run.measurement().errors());
    }

    @Test
    void oneSuccessAmongTheFailuresKeepsTheRunGoingToItsEnd() {
        // fails the whole warmup and all but the 900th measured invocation: not a body that always fails
        AtomicLong calls = new AtomicLong();
        MeasuredRun run = run(plan("", 1500, 5000, "", 1, "", SampleRequirement.NONE), false, () -> {
            if (calls.incrementAndGet() != 1500 + 900) {
                throw new IllegalStateException("call " + calls.get());
            }
        });
        assertFalse(run.allFailed());
        assertEquals(5000, run.measurement().invocations());
        assertEquals(4999, run.measurement().errors());
    }

    @Test
    void aRunWithoutErrorsHasNoFirstError() {
        MeasuredRun run = run(plan("", 0, 10, "", 1, "", SampleRequirement.NONE), false, () -> { });
        assertEquals(null, run.firstError());
        assertEquals(null, run.firstErrorTrace(15));
        assertFalse(run.allFailed());
    }

    @Test
    void withoutAFixedCountItRunsUntilTheGatesHaveTheirSamplesAndTheMinimumTime() {
        MeasuredRun run = run(plan("0s", -1, -1, "", 2, "", new SampleRequirement(200, 400)), false, () -> Thread.sleep(0, 1000));
        Measurement measurement = run.measurement();
        assertTrue(measurement.invocations() >= 400, "invocations " + measurement.invocations());
        assertTrue(LatencyHistogram.decode(measurement.latencyHistogram()).count() >= 200);
        assertTrue(measurement.durationNanos() >= Profile.SMOKE.minDurationNanos(),
                "each round lasts at least its share of the minimum time; measured " + measurement.durationNanos());
        assertFalse(run.capped());
    }

    @Test
    void theCapStopsARunThatWouldTakeTooLong() {
        long started = System.nanoTime();
        // 1,000,000 sleeps of 1 ms take over 16 minutes; a 2 s cap leaves a busy machine time for a first invocation
        MeasuredRun run = run(plan("", 0, 1_000_000, "", 1, "2s", SampleRequirement.NONE), false, () -> Thread.sleep(1));
        assertTrue(run.capped());
        assertTrue(run.measurement().invocations() < 1_000_000);
        assertTrue(run.measurement().invocations() > 0);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "generous: the cap was 2 s");
    }

    @Test
    void measuresAllocationPerInvocation() {
        MeasuredRun run = run(plan("", 1000, 20_000, "", 1, "", SampleRequirement.NONE), true, () -> sink = new byte[1024]);
        MemoryMeasurement memory = run.measurement().memory();
        assertNotNull(memory);
        if (ThreadAllocation.supported()) {
            double perInvocation = memory.allocatedBytesPerInvocation();
            // a byte[1024] is 1024 bytes plus a 16-byte header; the loop itself allocates nothing per invocation
            assertTrue(perInvocation >= 1024 && perInvocation < 1024 * 1.1, "allocated " + perInvocation + " bytes each");
        }
        assertTrue(memory.heapAfterGcBytes() > 0);
        assertEquals(Profile.SMOKE.rounds() + 1, run.heapAfterGcByRound().size());
        assertEquals(memory.heapAfterGcBytes(), run.heapAfterGcByRound().get(run.heapAfterGcByRound().size() - 1));
    }

    @Test
    void countsTheGcPausesInsideRoundsButNotTheCollectionsBetweenThem() {
        // an idle body allocates nothing, so every collection in this run is one perfgate asked for between rounds
        MeasuredRun idle = run(plan("", 0, 5000, "", 1, "", SampleRequirement.NONE), true, () -> { });
        assertEquals(0L, idle.measurement().memory().gcCount());
        assertEquals(0L, idle.measurement().memory().gcTimeNanos());

        // a body that asks for a full GC every 100th invocation: one inside each of the 5 rounds, whatever the collector
        AtomicLong calls = new AtomicLong();
        MeasuredRun collecting = run(plan("", 0, 500, "", 1, "", SampleRequirement.NONE), true, () -> {
            if (calls.incrementAndGet() % 100 == 50) {
                System.gc();
            }
        });
        MemoryMeasurement memory = collecting.measurement().memory();
        assertTrue(memory.gcCount() >= 5, "pauses " + memory.gcCount());
        assertTrue(memory.gcTimeNanos() >= memory.gcPauseMaxNanos());
    }

    @Test
    void recognisesCycleBeans() {
        assertTrue(GcPauseMonitor.reportsCycles("ZGC Cycles", "end of GC cycle"));
        assertTrue(GcPauseMonitor.reportsCycles("ZGC Major Cycles", "end of GC cycle"));
        assertTrue(GcPauseMonitor.reportsCycles("Shenandoah Cycles", "end of GC cycle"));
        assertFalse(GcPauseMonitor.reportsCycles("ZGC Pauses", "end of GC pause"));
        assertFalse(GcPauseMonitor.reportsCycles("G1 Concurrent GC", "end of concurrent GC pause"));
        assertFalse(GcPauseMonitor.reportsCycles("G1 Young Generation", "end of minor GC"));
    }

    @Test
    void sharesSplitATotalExactly() {
        assertEquals(4, SliceSpec.share(10, 3, 0));
        assertEquals(3, SliceSpec.share(10, 3, 1));
        assertEquals(3, SliceSpec.share(10, 3, 2));
        assertEquals(0, SliceSpec.share(2, 3, 2));
    }

    @Test
    void aTrivialBodyGetsNoCollectionBetweenRoundsButAnAllocatingOneDoes() {
        // explicit System.gc() calls show in the collectors' counts: 5 rounds of a body that leaves no garbage
        // may meet a collection the JVM started on its own, but not one before each round
        long before = collections();
        run(plan("", 0, 20, "", 1, "", SampleRequirement.NONE), false, () -> sink = "trivial");
        long trivial = collections() - before;
        assertTrue(trivial < Profile.SMOKE.rounds() - 1, "collections for a trivial body: " + trivial);

        // 2 MiB of garbage a round: each of the 4 later rounds is separated from the garbage before it
        before = collections();
        run(plan("", 0, 5, "", 1, "", SampleRequirement.NONE), false, () -> sink = new byte[2 << 20]);
        long allocating = collections() - before;
        assertTrue(allocating >= Profile.SMOKE.rounds() - 1, "collections for an allocating body: " + allocating);
    }

    @Test
    void roundSeparationCountsGarbageSinceTheLastCollection() {
        RoundSeparation memory = new RoundSeparation(true);
        assertTrue(memory.collectBeforeRound(), "memory measured: every round starts collected");
        RoundSeparation separation = new RoundSeparation(false);
        assertEquals(!ThreadAllocation.supported(), separation.collectBeforeRound());
        separation.allocated(RoundSeparation.GARBAGE_WORTH_A_GC / 2);
        separation.allocated(RoundSeparation.GARBAGE_WORTH_A_GC / 2 - 1);
        assertEquals(!ThreadAllocation.supported(), separation.collectBeforeRound());
        separation.allocated(1);
        assertTrue(separation.collectBeforeRound(), "garbage adds up across rounds");
        separation.collected();
        assertEquals(!ThreadAllocation.supported(), separation.collectBeforeRound());
        separation.allocated(-1);
        assertTrue(separation.collectBeforeRound(), "unknown allocation: collect, as before");
    }

    private static long collections() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(bean -> Math.max(0, bean.getCollectionCount())).sum();
    }
}
