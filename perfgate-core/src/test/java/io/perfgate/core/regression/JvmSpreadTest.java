package io.perfgate.core.regression;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmSpreadTest {
    private final RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());

    /** Ten rounds per JVM, spread +-2 % around each JVM's level. */
    static double[] rounds(double... levels) {
        double[] values = new double[levels.length * 10];
        for (int jvm = 0; jvm < levels.length; jvm++) {
            for (int r = 0; r < 10; r++) {
                values[jvm * 10 + r] = levels[jvm] * (1 + 0.004 * (r - 4.5));
            }
        }
        return values;
    }

    static int[] jvms(int count) {
        int[] jvms = new int[count * 10];
        for (int i = 0; i < jvms.length; i++) {
            jvms[i] = i / 10;
        }
        return jvms;
    }

    private static double[] exactly(double... levels) {
        return Arrays.stream(levels).flatMap(level -> Arrays.stream(new double[] {level, level})).toArray();
    }

    /** p50 of ten rounds in each of three JVMs a side, compared with the spread between the JVMs. */
    private MetricComparison inThreeJvmsEach(double[] baseline, double[] current) {
        return detector.compare(new ComparisonInput("id", "HashTest#sha256", RegressionMetric.P50, baseline, current,
                "commit abc1234", List.of(), false, Double.NaN, JvmSpread.of(baseline, jvms(3), current, jvms(3))));
    }

    @Test
    void theSpreadIsTheStandardDeviationOfJvmLevelsAroundEachSidesMean() {
        double e = Math.E;
        JvmSpread spread = JvmSpread.of(exactly(1, Math.pow(e, 0.1), Math.pow(e, 0.2)), new int[] {0, 0, 1, 1, 2, 2},
                exactly(2, 2 * Math.pow(e, 0.1), 2 * Math.pow(e, 0.2)), new int[] {0, 0, 1, 1, 2, 2});

        assertEquals(0.1, spread.logSd(), 1e-12, "levels 0, 0.1, 0.2 a side: squares 0.02 + 0.02 over 4 df");
        assertEquals(4, spread.degreesOfFreedom());
        assertEquals("10% between 3 + 3 JVMs", spread.describe());
        // t(4) at 95 % = 2.1318; sqrt(1/3 + 1/3) = 0.8165
        assertEquals(2.1318 * 0.1 * 0.8165, spread.halfWidth(0.95), 1e-3);
    }

    @Test
    void oneJvmASideSaysNothingOfTheSpreadButOneForkedSideDoes() {
        assertNull(JvmSpread.of(rounds(200), new int[0], rounds(210), new int[0]));
        JvmSpread baselineOnly = JvmSpread.of(rounds(172, 243, 254), jvms(3), rounds(250), new int[0]);
        assertEquals(2, baselineOnly.degreesOfFreedom());
        assertEquals(3, baselineOnly.baselineJvms());
        assertEquals(1, baselineOnly.currentJvms());
    }

    @Test
    void aBaselineWhoseFirstJvmWasLuckyIsNotARegressionButInconclusiveNamingTheSpreadAndTheFix() {
        double[] baseline = rounds(172, 180, 250);
        double[] current = rounds(245, 250, 255);
        MetricComparison roundsOnly = detector.compare(new ComparisonInput("id", "HashTest#sha256",
                RegressionMetric.P50, baseline, current, "commit abc1234"));
        assertEquals(Undecided.LEVEL_SWITCHES, roundsOnly.undecided(),
                "rounds alone see the baseline's third JVM at this run's level: " + roundsOnly.message());

        MetricComparison withJvms = inThreeJvmsEach(baseline, current);

        assertEquals(RegressionOutcome.INCONCLUSIVE, withJvms.outcome(), withJvms.message());
        assertEquals(Undecided.JVM_SPREAD, withJvms.undecided());
        assertTrue(withJvms.message().startsWith("p50 +"), withJvms.message());
        assertTrue(withJvms.message().contains("(HashTest#sha256, 30 vs 30 replicates, JVM spread 14% between 3 + 3"
                + " JVMs, p = "), withJvms.message());
        assertTrue(withJvms.message().contains("the spread between JVMs alone (14% between 3 + 3 JVMs) spans the"
                + " distance to the allowed change, so JVM luck could explain it: measure in more JVMs, baseline and"
                + " run alike (about -Dperfgate.forks="), withJvms.message());
        assertTrue(withJvms.message().endsWith("or compare with the base commit in one build (mvn perfgate:compare)"),
                withJvms.message());
    }

    @Test
    void aRealSlowdownInAgreeingJvmsIsStillARegression() {
        MetricComparison result = inThreeJvmsEach(rounds(200, 204, 208), rounds(260, 265.2, 270.4));

        assertEquals(RegressionOutcome.REGRESSED, result.outcome(), result.message());
        assertTrue(result.message().startsWith("p50 +30% [+2"), result.message());
        assertTrue(result.lowerRatio() < 1.29, "the interval is as wide as the JVMs' spread: " + result.message());
    }

    @Test
    void aRoundDistortedByABusyMachineDoesNotMoveItsJvmsLevel() {
        double[] baseline = rounds(200, 204, 208);
        baseline[3] = 2_000; // one round of the first JVM ten times slower: a busy machine, not the JVM
        JvmSpread spread = JvmSpread.of(baseline, jvms(3), rounds(203, 207, 201), jvms(3));

        assertTrue(spread.logSd() < 0.03, "the level is each JVM's median: " + spread.describe());
        assertEquals(RegressionOutcome.UNCHANGED, inThreeJvmsEach(baseline, rounds(203, 207, 201)).outcome());
    }

    @Test
    void agreeingJvmsOfUnchangedCodeAreUnchanged() {
        MetricComparison result = inThreeJvmsEach(rounds(200, 204, 208), rounds(203, 207, 201));

        assertEquals(RegressionOutcome.UNCHANGED, result.outcome(), result.message());
        assertFalse(result.message().contains("perfgate.forks"), result.message());
    }
}
