package io.perfgate.core.regression;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelSwitchesTest {

    private final RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());

    /** p50 of SortTest's 30 rounds (3 JVMs) in a baseline of bench/busy-machine on an idle machine, in ns. */
    private static final double[] SORT_BASELINE = {65855, 66367, 64735, 72767, 107327, 106495, 107071, 102847, 64031,
            63391, 97727, 66175, 63423, 63743, 65599, 63615, 65311, 64223, 63167, 63967, 102271, 65375, 64927, 63647,
            64511, 64575, 64799, 64895, 79231, 60479};
    /** The next build, same code: most rounds at the slow level. */
    private static final double[] SORT_REBUILD = {60575, 94079, 96127, 98303, 97919, 98175, 96255, 96063, 96703, 95039,
            102783, 95679, 97343, 95935, 96447, 62207, 62175, 120703, 93823, 100159, 108927, 99263, 98495, 96447,
            96639, 99263, 98431, 96895, 98175, 100543};

    private MetricComparison compare(double[] baseline, double[] current) {
        return detector.compare(new ComparisonInput("id", "SortTest#sort", RegressionMetric.P50, baseline, current,
                "commit abc1234"));
    }

    private static double[] scaled(double[] values, double factor) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * factor;
        }
        return scaled;
    }

    /** {@code count} replicates at {@code level}, 1 % apart. */
    private static double[] tight(double level, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = level * (1 + 0.01 * (i % 5 - 2));
        }
        return values;
    }

    @Test
    void anUnchangedRebuildAtTheSlowerOfTwoSpeedsTheBaselineAlsoReachedIsInconclusiveNotRegressed() {
        MetricComparison result = compare(SORT_BASELINE, SORT_REBUILD);
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome(), result.message());
        assertEquals(Undecided.LEVEL_SWITCHES, result.undecided());
        assertTrue(result.message().startsWith("p50 +4"), result.message());
        assertTrue(result.message().contains("lies beyond the allowed +10% (SortTest#sort, 30 vs 30 replicates"),
                result.message());
        assertTrue(result.message().contains("but the test switches between speeds with unchanged code: 3 of this"
                + " run's 30 replicates were at the baseline's level, and 3 of the baseline's 30 at this run's, so"
                + " JVM and machine luck could explain it"), result.message());
        assertTrue(result.message().endsWith("or compare with the base commit in one build (mvn perfgate:compare)"),
                result.message());
    }

    @Test
    void aSlowdownOfEveryReplicateIsStillARegressionOnTheSameSwitchingTest() {
        MetricComparison result = compare(SORT_BASELINE, scaled(SORT_BASELINE, 1.3));
        assertEquals(RegressionOutcome.REGRESSED, result.outcome(), result.message());
    }

    @Test
    void aSteadyTestSlowedBy30PercentIsARegression() {
        MetricComparison result = compare(tight(26_000, 30), tight(33_800, 30));
        assertEquals(RegressionOutcome.REGRESSED, result.outcome(), result.message());
    }

    @Test
    void twoReplicatesAtTheOtherLevelAreNotEnoughEvidence() {
        double[] current = tight(33_800, 30);
        current[0] = 26_000;
        current[1] = 26_100;
        assertEquals(RegressionOutcome.REGRESSED, compare(tight(26_000, 30), current).outcome());
        current[2] = 25_900;
        MetricComparison three = compare(tight(26_000, 30), current);
        assertEquals(RegressionOutcome.INCONCLUSIVE, three.outcome(), three.message());
        assertTrue(three.message().contains(": 3 of this run's 30 replicates were at the baseline's level, so"),
                three.message());
    }

    @Test
    void aBaselineThatAlreadyRanAtThisRunsLevelIsNamed() {
        double[] baseline = tight(26_000, 30);
        for (int i = 0; i < 4; i++) {
            baseline[i] = 33_800;
        }
        MetricComparison result = compare(baseline, tight(33_800, 30));
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome(), result.message());
        assertTrue(result.message().contains(": 4 of the baseline's 30 replicates were already at this run's level,"),
                result.message());
    }
}
