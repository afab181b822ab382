package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.CpuTime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentionRuleTest {
    private static final ContentionRule TEN_PERCENT = new ContentionRule(0.10);

    /** A round of one thread that ran 100 ms and waited {@code waitMs} of them, timing {@code samples} invocations. */
    private static RoundTally round(long waitMs, long errors, long samples, long sampleNanos) {
        RoundTally round = new RoundTally();
        round.anyRan = true;
        round.threadNanos = 100_000_000L;
        round.waitNanos = waitMs * 1_000_000L;
        round.cpuNanos = round.threadNanos - round.waitNanos;
        round.invocations = samples + errors;
        round.errors = errors;
        round.histogram.record(sampleNanos, samples);
        round.startNanos = 0;
        round.endNanos = round.threadNanos;
        return round;
    }

    @Test
    void aRoundWaitingBeyondTheShareIsDiscardedAndOneWithinItKept() {
        assertTrue(TEN_PERCENT.discards(round(11, 0, 10, 1000)));
        assertFalse(TEN_PERCENT.discards(round(10, 0, 10, 1000)));
        assertFalse(TEN_PERCENT.discards(round(0, 0, 10, 1000)));
    }

    @Test
    void aRoundInWhichTheBodyThrewIsNeverDiscarded() {
        assertFalse(TEN_PERCENT.discards(round(60, 1, 10, 1000)));
    }

    @Test
    void theCpuTimeEstimateNeverDiscards() {
        RoundTally estimated = round(60, 0, 10, 1000);
        estimated.waitMeasured = false;
        assertEquals(0.6, estimated.waitShare(), 1e-9, "wall time not spent on a CPU");
        assertFalse(TEN_PERCENT.discards(estimated));
    }

    @Test
    void measuringStopsAfterTwiceThePlannedRoundsWereDiscarded() {
        assertFalse(ContentionRule.givesUp(19, 10));
        assertTrue(ContentionRule.givesUp(20, 10));
        assertFalse(ContentionRule.NEVER.discards(round(100, 0, 10, 1000)));
    }

    @Test
    void aDiscardedRoundPausesAsLongAsItLastedWithinOneAndAHundredMilliseconds() {
        assertEquals(1_000_000, ContentionRule.pauseAfter(2_000)); // a trivial round: a scheduler slice, not 100 ms
        assertEquals(30_000_000, ContentionRule.pauseAfter(30_000_000));
        assertEquals(100_000_000, ContentionRule.pauseAfter(2_000_000_000));
    }

    @Test
    void theShareIsReadAsAFractionOrAPercentage() {
        assertEquals(0.2, ContentionRule.parseShare("0.2"), 1e-12);
        assertEquals(0.25, ContentionRule.parseShare(" 25 % "), 1e-12);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ContentionRule.parseShare("lots"));
        assertEquals("-Dperfgate.maxCpuWait=lots is no share; write it as 0.2 or 20%", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContentionRule(0));
        assertThrows(IllegalArgumentException.class, () -> new ContentionRule(1.5));
    }

    @Test
    void theTallyKeepsDiscardedSamplesApartAndCountsTheirWait() {
        ContentionTally tally = new ContentionTally(TEN_PERCENT);
        assertFalse(tally.discards(round(2, 0, 100, 1_000)));
        assertTrue(tally.discards(round(40, 0, 50, 9_000)));
        assertFalse(tally.discards(round(4, 0, 100, 1_000)));

        Contention contention = tally.contention(3);
        assertEquals(Contention.SCHEDSTAT, contention.source());
        assertEquals(2, contention.keptRounds());
        assertEquals(1, contention.discardedRounds());
        assertEquals(0.03, contention.keptWaitShare(), 1e-9);
        assertEquals(0.46 / 3, contention.measuredWaitShare(), 1e-9);
        assertEquals(0.40, contention.worstWaitShare(), 1e-9);
        assertEquals(0.40, contention.discardedWaitShare(), 1e-9);
        assertTrue(contention.unresolved(), "2 clean rounds of 3 planned, one discarded");
        LatencyHistogram discarded = LatencyHistogram.decode(contention.discardedLatencyHistogram());
        assertEquals(50, discarded.count());
        CpuTime cpu = tally.cpuTime();
        assertEquals(98_000_000L + 60_000_000L + 96_000_000L, cpu.totalNanos(), "every round: waiting uses no CPU");
        assertEquals(250, cpu.invocations());
        assertNull(cpu.perInvocationHistogram());
    }

    @Test
    void aRunWithEveryPlannedRoundCleanIsResolvedWhateverWasDiscarded() {
        ContentionTally tally = new ContentionTally(TEN_PERCENT);
        tally.discards(round(40, 0, 10, 1_000));
        tally.discards(round(1, 0, 10, 1_000));
        tally.discards(round(1, 0, 10, 1_000));
        Contention contention = tally.contention(2);
        assertFalse(contention.unresolved());
        assertEquals("the measuring thread waited for a CPU 40% of the time in 1 round (beyond the 10% allowed;"
                + " 2 of 2 planned rounds measured cleanly)" + load(contention), contention.waitText());
    }

    private static String load(Contention contention) {
        return contention.loadPerCore() == null ? ""
                : String.format(java.util.Locale.ROOT, ", machine load %.1f per core", contention.loadPerCore());
    }
}
