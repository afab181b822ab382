package io.perfgate.core.fork;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.CpuTime;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkedMeasurementTest {

    /** Two rounds of 100 samples, every sample {@code micros}. */
    static Measurement oneJvm(long micros, int errors) {
        List<Round> rounds = new ArrayList<>();
        LatencyHistogram all = new LatencyHistogram();
        for (int r = 0; r < 2; r++) {
            LatencyHistogram histogram = new LatencyHistogram();
            for (int s = 0; s < 100; s++) {
                histogram.record(micros * 1000);
            }
            all.add(histogram);
            rounds.add(new Round(100, 0, 1_000_000L, histogram.encode(), null));
        }
        return new Measurement(200 + errors, errors, errors == 0 ? Map.of() : Map.of("IOException", (long) errors),
                errors == 0 ? null : "IOException: disk", 2_000_000L, all.encode(), null, null, rounds);
    }

    @Test
    void eachJvmsRoundsKeepTheirJvmAndTheTotalsAddUp() {
        Measurement merged = ForkedMeasurement.merge(List.of(oneJvm(172, 0), oneJvm(243, 1), oneJvm(254, 2)));

        assertEquals(6, merged.rounds().size());
        assertEquals(List.of(0, 0, 1, 1, 2, 2), merged.rounds().stream().map(Round::jvm).toList());
        assertEquals(603, merged.invocations());
        assertEquals(3, merged.errors());
        assertEquals(Map.of("IOException", 3L), merged.errorsByKind());
        assertEquals("IOException: disk", merged.firstError());
        assertEquals(6_000_000L, merged.durationNanos());
        assertEquals(600, LatencyHistogram.decode(merged.latencyHistogram()).count(), "the gates judge every JVM's samples");
        assertEquals(3, ForkedMeasurement.jvmCount(merged));
    }

    @Test
    void contentionAndCpuTimeAddUpOverTheJvmsAndAShortJvmLeavesTheWholeTestShort() {
        LatencyHistogram distorted = new LatencyHistogram();
        distorted.record(900_000);
        Contention clean = new Contention(Contention.SCHEDSTAT, 0.03, 0.03, 0.05, 0.10, 10, 0, 10, null, 0, null, 0.6);
        Contention busy = new Contention(Contention.SCHEDSTAT, 0.30, 0.08, 0.45, 0.10, 4, 8, 10, 0.41, 5_000_000L,
                distorted.encode(), 2.1);
        Measurement merged = ForkedMeasurement.merge(List.of(
                oneJvm(172, 0).withContention(clean, new CpuTime(1_000_000L, 200, null)),
                oneJvm(243, 0).withContention(busy, new CpuTime(3_000_000L, 200, null))));

        Contention both = merged.contention();
        assertEquals(14, both.keptRounds());
        assertEquals(8, both.discardedRounds());
        assertEquals(20, both.plannedRounds());
        assertTrue(both.unresolved(), "one JVM ran short of clean rounds, so the test did");
        assertEquals(0.45, both.worstWaitShare(), 1e-12);
        assertEquals(0.41, both.discardedWaitShare(), 1e-12);
        assertEquals(2.1, both.loadPerCore(), 1e-12);
        assertEquals(1, LatencyHistogram.decode(both.discardedLatencyHistogram()).count());
        assertEquals(new CpuTime(4_000_000L, 400, null), merged.cpu());
        assertNull(ForkedMeasurement.merge(List.of(oneJvm(172, 0), oneJvm(172, 0))).contention());
    }

    @Test
    void perInvocationCpuTimeIsPooledOnlyWhenEveryJvmTimedIt() {
        LatencyHistogram cpu = new LatencyHistogram();
        cpu.record(80_000);
        CpuTime timed = new CpuTime(1_000_000L, 200, cpu.encode());
        Measurement merged = ForkedMeasurement.merge(List.of(oneJvm(172, 0).withContention(null, timed),
                oneJvm(243, 0).withContention(null, timed)));

        assertEquals(2, LatencyHistogram.decode(merged.cpu().perInvocationHistogram()).count());
        assertNull(ForkedMeasurement.merge(List.of(oneJvm(172, 0).withContention(null, timed),
                oneJvm(243, 0).withContention(null, new CpuTime(1_000_000L, 200, null)))).cpu().perInvocationHistogram(),
                "a JVM without per-invocation figures leaves none for the test");
    }

    @Test
    void theFiguresOfEachJvmCanBeReadBack() {
        Map<Integer, LatencyHistogram> byJvm = ForkedMeasurement.byJvm(
                ForkedMeasurement.merge(List.of(oneJvm(172, 0), oneJvm(243, 0), oneJvm(254, 0))));

        assertEquals(List.of(0, 1, 2), List.copyOf(byJvm.keySet()));
        assertEquals(172_000, byJvm.get(0).valueAtQuantile(0.5), 172);
        assertEquals(243_000, byJvm.get(1).valueAtQuantile(0.5), 243);
        assertEquals(254_000, byJvm.get(2).valueAtQuantile(0.5), 254);
    }

    @Test
    void aMeasurementFromOneJvmHasNoPerJvmFigures() {
        Measurement one = oneJvm(100, 0);
        assertEquals(1, ForkedMeasurement.jvmCount(one));
        assertTrue(ForkedMeasurement.byJvm(one).isEmpty());
        assertNull(one.rounds().get(0).jvm(), "a round of one JVM stays unmarked, as older results are");
    }
}
