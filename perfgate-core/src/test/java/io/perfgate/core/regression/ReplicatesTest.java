package io.perfgate.core.regression;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicatesTest {

    /** Rounds whose samples are 1..size microseconds, plus an offset per round so each round's figure differs. */
    private static Measurement rounds(int... sizes) {
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < sizes.length; r++) {
            LatencyHistogram histogram = new LatencyHistogram();
            for (int s = 1; s <= sizes[r]; s++) {
                histogram.record(1000L * s + 100_000L * r);
            }
            rounds.add(new Round(sizes[r], 0, 1_000_000_000L, histogram.encode(), null));
        }
        return new Measurement(0, 0, Map.of(), null, 0, null, null, null, rounds);
    }

    @Test
    void roundsLargeEnoughForThePercentileGiveOneValueEach() {
        Replicates p95 = Replicates.of(rounds(200, 200, 200), RegressionMetric.P95, false);
        assertTrue(p95.usable(), p95.problem());
        assertEquals(3, p95.values().length);
        assertEquals(1, p95.roundsPerValue());
    }

    @Test
    void smallRoundsAreMergedInOrderUntilEachReplicateHasEnoughSamples() {
        Replicates p95 = Replicates.of(rounds(100, 100, 100, 100, 100, 100, 100), RegressionMetric.P95, true);

        assertTrue(p95.usable(), p95.problem());
        // rounds 1+2, 3+4, and 5+6 with the short remainder 7 merged into it
        assertEquals(3, p95.values().length);
        assertEquals(2, p95.roundsPerValue());
        assertTrue(p95.values()[0] < p95.values()[1] && p95.values()[1] < p95.values()[2]);
        // the first replicate is the p95 of rounds 1 and 2 (1..100 us and 101..200 us)
        assertEquals(190_000, p95.values()[0], 1_000);
    }

    @Test
    void withoutMergingAPercentileNeedsEnoughSamplesInEveryRound() {
        Replicates p95 = Replicates.of(rounds(100, 100, 100, 100), RegressionMetric.P95, false);

        assertFalse(p95.usable());
        assertEquals("round 1 of 4 has 100 samples; a per-round p95 needs at least 200 (raise invocations or duration"
                + " so each round has them)", p95.problem());
    }

    @Test
    void theMedianNeedsNoMerging() {
        Replicates p50 = Replicates.of(rounds(100, 100, 100, 100), RegressionMetric.P50, false);
        assertEquals(4, p50.values().length);
    }

    @Test
    void tooFewSamplesForThreeReplicatesSaysHowManyInvocationsWouldDo() {
        int[] sizes = new int[10];
        java.util.Arrays.fill(sizes, 100);
        Replicates p99 = Replicates.of(rounds(sizes), RegressionMetric.P99, true);

        assertFalse(p99.usable());
        assertEquals("the 10 rounds have 100 samples each (1,000 in all); a p99 needs 1,000 a replicate, so even"
                + " merged rounds give fewer than 3 replicates: measure at least 3,000 invocations, ideally 10,000 so"
                + " each of the 10 rounds has 1,000 (@PerfTest(invocations = ...)), or use"
                + " -Dperfgate.profile=comprehensive (at least 5 s of measuring a test) for baseline and runs alike",
                p99.problem());
        assertArrayEquals(new double[0], p99.values());
    }
}
