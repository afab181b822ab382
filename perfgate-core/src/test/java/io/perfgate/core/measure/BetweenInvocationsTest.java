package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A setup run between invocations (per-invocation setup): before each but the first, never measured. */
class BetweenInvocationsTest {

    private static WorkloadPlan plan(long warmupInvocations, long invocations, int threads) {
        return WorkloadPlan.resolve(Profile.SMOKE, new WorkloadRequest("", warmupInvocations, invocations, "", threads,
                "", "@PerfTest", "BetweenInvocationsTest#m"), SampleRequirement.NONE);
    }

    private static MeasuringLoop loop(WorkloadPlan plan) {
        return new MeasuringLoop(plan, false, thrown -> false, MeasuringListener.NONE, ContentionRule.NEVER, false);
    }

    @Test
    void runsBeforeEveryInvocationButTheFirstAcrossWarmupAndRounds() {
        List<String> log = new ArrayList<>();
        MeasuredRun run = loop(plan(3, 10, 1)).run(() -> log.add("body"), () -> log.add("setup"));

        assertEquals(10, run.measurement().invocations());
        assertEquals(13, log.stream().filter("body"::equals).count());
        assertEquals(12, log.stream().filter("setup"::equals).count());
        for (int i = 1; i < log.size(); i++) {
            assertTrue(!log.get(i).equals(log.get(i - 1)), "setup and body alternate: " + log);
        }
        assertEquals("body", log.get(0), "JUnit's own @BeforeEach prepared the first invocation");
    }

    @Test
    void itsTimeStaysOutOfLatencyAndDuration() {
        MeasuredRun run = loop(plan(0, 20, 1)).run(() -> { }, () -> Thread.sleep(10));
        LatencyHistogram latency = LatencyHistogram.decode(run.measurement().latencyHistogram());
        // 19 setups of at least 10 ms each ran between the 20 empty invocations. Had their time been measured, every
        // invocation but the first would take 10 ms or more, and the run at least 190 ms; on a loaded machine an
        // empty invocation is now and then descheduled for milliseconds (5.3 ms seen), so the median decides
        assertTrue(latency.summary().p50() < 5_000_000L, "p50 " + latency.summary().p50() + " ns");
        assertTrue(run.measurement().durationNanos() < 190_000_000L, "duration " + run.measurement().durationNanos());
    }

    @Test
    void whatItThrowsEndsTheRun() {
        IllegalStateException broken = new IllegalStateException("pool exhausted");
        int[] calls = new int[1];
        BetweenInvocationsException e = assertThrows(BetweenInvocationsException.class,
                () -> loop(plan(0, 10, 1)).run(() -> calls[0]++, () -> {
                    throw broken;
                }));
        assertSame(broken, e.getCause());
        assertEquals(1, calls[0]);
    }

    @Test
    void needsOneThread() {
        assertThrows(IllegalArgumentException.class, () -> loop(plan(0, 10, 2)).run(() -> { }, () -> { }));
    }
}
