package io.perfgate.core.compare;

import io.perfgate.core.gate.Level;
import io.perfgate.core.regression.AllowedChange;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.regression.RegressionPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedComparatorTest {

    private final PairedComparator comparator = new PairedComparator(
            RegressionPolicy.defaults().withAllowed("p95=+5%", "test"), new AllowedChange(0.10));

    /** Base values drifting by up to 40 % across the run (a busy machine), head = base * factor * small noise. */
    private static PairedComparator.Input drifting(String test, double factor, long seed, int pairs) {
        Random random = new Random(seed);
        double[] base = new double[pairs];
        double[] head = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double machine = 1 + 0.4 * Math.sin(i);
            base[i] = 1_000_000 * machine * (1 + 0.01 * random.nextGaussian());
            head[i] = 1_000_000 * machine * factor * (1 + 0.01 * random.nextGaussian());
        }
        return new PairedComparator.Input(test, test, PairedMetric.P95, Level.BLOCKING, base, head, null);
    }

    @Test
    void aSlowdownBeyondTheAllowedChangeRegressesDespiteTheMachinesDrift() {
        PairedComparison result = comparator.compare(List.of(drifting("OrderTest#create", 1.15, 1, 10))).get(0);
        assertEquals(RegressionOutcome.REGRESSED, result.outcome(), result.message());
        assertTrue(result.blocks());
        assertTrue(result.message().startsWith("p95 +15% [+"), result.message());
        assertTrue(result.message().contains("exceeds the allowed +5% (OrderTest#create, 10 pairs, p = 0.0010)"),
                result.message());
        assertTrue(result.message().contains("-Dperfgate.regression.allowed=OrderTest#create:p95=+"), result.message());
    }

    /** A JMH throughput score pair by pair: head's operations per second are {@code factor} times base's. */
    private static PairedComparator.Input throughput(double factor, long seed) {
        PairedComparator.Input times = drifting("bench.Codec.encode:thrpt", factor, seed, 10);
        return new PairedComparator.Input(times.testId(), times.testLabel(), PairedMetric.SCORE_RATE, Level.BLOCKING,
                times.baseValues(), times.headValues(), null);
    }

    @Test
    void aThroughputScoreRegressesWhenItFallsAndHintsAtANegativeAllowance() {
        PairedComparison result = comparator.compare(List.of(throughput(0.6, 11))).get(0);
        assertEquals(RegressionOutcome.REGRESSED, result.outcome(), result.message());
        assertTrue(result.ratio() > 0.55 && result.ratio() < 0.65, result.message());
        assertTrue(result.lowerRatio() < result.upperRatio() && result.upperRatio() < 0.9, result.message());
        assertTrue(result.message().startsWith("score -40% [-"), result.message());
        assertTrue(result.message().contains("exceeds the allowed -10%"), result.message());
        assertTrue(result.message().contains("-Dperfgate.regression.allowed=bench.Codec.encode:thrpt:score=-4"),
                result.message());
        assertEquals("-10%", result.formattedAllowed());
    }

    @Test
    void theHintOfAThroughputRegressionAllowsItWhenApplied() {
        PairedComparison regressed = comparator.compare(List.of(throughput(0.6, 11))).get(0);
        String hint = regressed.message().substring(regressed.message().indexOf("-Dperfgate.regression.allowed=")
                + "-Dperfgate.regression.allowed=".length());
        PairedComparator allowing = new PairedComparator(RegressionPolicy.defaults().withAllowed(hint, "hint"),
                new AllowedChange(0.10));
        PairedComparison allowed = allowing.compare(List.of(throughput(0.6, 11))).get(0);
        assertEquals(RegressionOutcome.UNCHANGED, allowed.outcome(), hint + ": " + allowed.message());
    }

    @Test
    void aThroughputScoreThatRisesIsAnImprovementNotARegression() {
        PairedComparison faster = comparator.compare(List.of(throughput(1.5, 12))).get(0);
        assertEquals(RegressionOutcome.IMPROVED, faster.outcome(), faster.message());
        PairedComparison same = comparator.compare(List.of(throughput(1.0, 13))).get(0);
        assertEquals(RegressionOutcome.UNCHANGED, same.outcome(), same.message());
        assertTrue(same.message().contains("is within the allowed -10%"), same.message());
    }

    @Test
    void theSameCodeOnADriftingMachineIsUnchanged() {
        PairedComparison result = comparator.compare(List.of(drifting("OrderTest#create", 1.0, 2, 10))).get(0);
        assertEquals(RegressionOutcome.UNCHANGED, result.outcome(), result.message());
        assertTrue(result.message().contains("is within the allowed +5%"), result.message());
    }

    @Test
    void aSpeedUpIsAnImprovementAndNeverBlocks() {
        PairedComparison result = comparator.compare(List.of(drifting("OrderTest#create", 0.7, 3, 10))).get(0);
        assertEquals(RegressionOutcome.IMPROVED, result.outcome(), result.message());
        assertFalse(result.blocks());
    }

    @Test
    void aRegressionOfAWarningGateDoesNotBlock() {
        PairedComparator.Input input = drifting("OrderTest#create", 1.3, 4, 10);
        PairedComparison result = comparator.compare(List.of(new PairedComparator.Input(input.testId(),
                input.testLabel(), input.metric(), Level.WARNING, input.baseValues(), input.headValues(), null))).get(0);
        assertEquals(RegressionOutcome.REGRESSED, result.outcome());
        assertFalse(result.blocks());
    }

    @Test
    void tooFewPairsForAnIntervalAreInconclusiveAndSaySoWithTheFix() {
        PairedComparison result = comparator.compare(List.of(drifting("OrderTest#create", 1.5, 5, 4))).get(0);
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome());
        assertTrue(result.message().contains("run at least 5 pairs (-Dperfgate.compare.pairs)"), result.message());
        assertTrue(result.message().contains(" [unbounded] vs base ("), result.message());
        assertEquals("[unbounded]", result.formattedInterval());
    }

    @Test
    void significanceIsCorrectedAcrossTheSuite() {
        // 5 pairs reach p = 1/32 alone; Holm over two comparisons doubles it beyond 5 %
        PairedComparison alone = comparator.compare(List.of(drifting("A#a", 1.5, 6, 5))).get(0);
        assertEquals(RegressionOutcome.REGRESSED, alone.outcome(), alone.message());
        List<PairedComparison> two = comparator.compare(List.of(drifting("A#a", 1.5, 6, 5), drifting("B#b", 1.5, 7, 5)));
        assertEquals(RegressionOutcome.INCONCLUSIVE, two.get(0).outcome(), two.get(0).message());
        assertTrue(two.get(0).message().contains("5 pairs cannot reach it over 2 comparisons; run at least 6"),
                two.get(0).message());
    }

    @Test
    void aMetricMissingInAPairIsInconclusiveNotAPass() {
        PairedComparison result = comparator.compare(List.of(new PairedComparator.Input("A#a", "A#a",
                PairedMetric.P95, Level.BLOCKING, new double[] {1, Double.NaN}, new double[] {1, 1},
                "pair 2, base: 150 samples; a p95 needs at least 200"))).get(0);
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome());
        assertEquals("p95 cannot be compared with the base: pair 2, base: 150 samples; a p95 needs at least 200 (A#a)",
                result.message());
    }
}
