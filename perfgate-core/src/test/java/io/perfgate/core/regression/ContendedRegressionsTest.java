package io.perfgate.core.regression;

import io.perfgate.core.TestData;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.Measurement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContendedRegressionsTest {
    private final RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());

    private static double[] around(double center, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = center * (1 + 0.01 * (i - (count - 1) / 2.0));
        }
        return values;
    }

    /** p50 +34 % on ten replicates a side: REGRESSED on its own. */
    private MetricComparison regressedP50() {
        MetricComparison comparison = detector.compare(new ComparisonInput("id", "HashTest#sha256",
                RegressionMetric.P50, around(100e3, 10), around(134e3, 10), "commit abc1234"));
        assertEquals(RegressionOutcome.REGRESSED, comparison.outcome());
        return comparison;
    }

    /** Rounds kept at the given wait, under a rule that allowed it (at least the default 10%). */
    private static Measurement measured(double keptWait, int kept, int discarded, int planned) {
        Contention contention = new Contention(Contention.SCHEDSTAT, keptWait, keptWait, 0.6, Math.max(0.10, keptWait),
                kept, discarded, planned,
                discarded == 0 ? null : 0.41, 0, discarded == 0 ? null : new LatencyHistogram().encode(), 2.5);
        return TestData.measurement(TestData.histogram(1000, 2000), 0, null, 1_000_000).withContention(contention, null);
    }

    private static Replicates cpu(double center) {
        return new Replicates(around(center, 10), null);
    }

    /** A review of a test whose clean rounds waited this share for a CPU, its CPU time 80 us before and now as given. */
    private static ContendedRegressions waited(double keptWait, double cpuNow) {
        ContendedRegressions review = new ContendedRegressions();
        review.note("id", measured(keptWait, 10, 0, 10), around(80e3, 10), cpu(cpuNow));
        return review;
    }

    @Test
    void wallTimeRegressedButCpuTimeNotOnABusyMachineIsInconclusiveNamingBoth() {
        ContendedRegressions review = waited(0.30, 81e3);

        MetricComparison reviewed = review.review(regressedP50());

        assertEquals(RegressionOutcome.INCONCLUSIVE, reviewed.outcome());
        assertEquals(Undecided.CONTENTION, reviewed.undecided());
        assertEquals("p50 +34% [+30%, +38%] vs baseline, but CPU time per invocation changed only +1.2% (81 us vs"
                + " 80 us) while the measuring thread waited for a CPU 30% of the time, machine load 2.5 per core,"
                + " which can make it up to +86% slower: the busy machine, not the code, may explain it; rerun on a"
                + " quieter machine, or compare against the base commit in one build (mvn verify perfgate:compare)"
                + " (HashTest#sha256)", reviewed.message());
    }

    @Test
    void aThroughputDropIsExcusedOnlyAsFarAsTheWaitCanCauseIt() {
        MetricComparison dropped = detector.compare(new ComparisonInput("id", "HashTest#sha256",
                RegressionMetric.THROUGHPUT, around(1000, 10), around(600, 10), "commit abc1234"));
        assertEquals(RegressionOutcome.REGRESSED, dropped.outcome());
        ContendedRegressions halfWaiting = waited(0.50, 80e3);
        assertEquals(RegressionOutcome.INCONCLUSIVE, halfWaiting.review(dropped).outcome(), "half the time waiting"
                + " halves a throughput: -40% is within it");
        ContendedRegressions littleWaiting = waited(0.20, 80e3);
        assertSame(dropped, littleWaiting.review(dropped), "20% waiting costs at most a fifth of it, not -40%");
    }

    @Test
    void aSlowdownBeyondWhatTheWaitCanCauseStandsThoughCpuTimeDidNotChange() {
        // the baseline-regression IT under two busy loops: parking 30% longer is off the CPU, and 12% of waiting
        // makes a wall time at most 1 / 0.88 = +14% longer, less than the +30% the interval starts at
        ContendedRegressions review = waited(0.12, 80e3);
        MetricComparison comparison = regressedP50();
        assertSame(comparison, review.review(comparison));
    }

    @Test
    void whenCpuTimeRegressedTooTheRegressionStands() {
        ContendedRegressions review = waited(0.07, 105e3);
        MetricComparison comparison = regressedP50();
        assertSame(comparison, review.review(comparison));
    }

    @Test
    void onAQuietMachineTheRegressionStandsWhateverCpuTimeDid() {
        ContendedRegressions review = waited(0.01, 80e3);
        MetricComparison comparison = regressedP50();
        assertSame(comparison, review.review(comparison));
    }

    @Test
    void aBenchmarkWhoseIterationsWaitedBeyondTheShareIsExcusedOnlyAsFarAsTheWaitReaches() {
        MetricComparison slower = detector.compare(new ComparisonInput("id", "ParseBench#parse",
                RegressionMetric.SCORE_TIME, around(100e3, 10), around(134e3, 10), "commit abc1234"));
        assertEquals(RegressionOutcome.REGRESSED, slower.outcome());

        MetricComparison reviewed = benchmarkWaited(0.40).review(slower);
        assertEquals(RegressionOutcome.INCONCLUSIVE, reviewed.outcome());
        assertEquals(Undecided.CONTENTION, reviewed.undecided());
        assertEquals("score +34% [+30%, +38%] vs baseline cannot be trusted: the measuring thread waited for a CPU 40%"
                + " of the time (beyond the 10% allowed), which can make it up to +67% slower; rerun on a quieter"
                + " machine, or compare against the base commit in one build (mvn verify perfgate:compare)"
                + " (ParseBench#parse)", reviewed.message());

        assertSame(slower, benchmarkWaited(0.20).review(slower), "20% waiting adds at most +25%, not +30% or more");
        assertSame(slower, benchmarkWaited(0.015).review(slower), "within the share: the regression stands");
    }

    /** A review of a benchmark whose iterations waited this share for a CPU on average, against a 10% rule. */
    private static ContendedRegressions benchmarkWaited(double wait) {
        ContendedRegressions review = new ContendedRegressions();
        review.note("id", TestData.measurement(TestData.histogram(1000, 2000), 0, null, 1_000_000).withContention(
                Contention.ofIterations(List.of(List.of(wait, wait), List.of(wait, wait)), 0.10, null), null),
                null, null);
        return review;
    }

    @Test
    void aRunShortOfCleanRoundsCannotRegressEvenWithoutCpuFigures() {
        ContendedRegressions review = new ContendedRegressions();
        review.note("id", measured(0.03, 4, 20, 10), null, null);

        MetricComparison reviewed = review.review(regressedP50());

        assertEquals(RegressionOutcome.INCONCLUSIVE, reviewed.outcome());
        assertTrue(reviewed.message().startsWith("p50 +34% [+30%, +38%] vs baseline cannot be trusted: the measuring"
                + " thread waited for a CPU 41% of the time in 20 rounds (beyond the 10% allowed; 4 of 10 planned"
                + " rounds measured cleanly before measuring stopped)"), reviewed.message());
    }

    @Test
    void cpuTimesOwnRegressionIsNeverExcused() {
        ContendedRegressions review = new ContendedRegressions();
        review.note("id", measured(0.03, 4, 20, 10), null, null);
        MetricComparison cpuRegressed = detector.compare(new ComparisonInput("id", "HashTest#sha256",
                RegressionMetric.CPU_MEAN, around(100e3, 10), around(134e3, 10), "commit abc1234"));
        assertEquals(RegressionOutcome.REGRESSED, cpuRegressed.outcome());
        assertSame(cpuRegressed, review.review(cpuRegressed));
    }
}
