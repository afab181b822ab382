package io.perfgate.core.regression;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionLimitTest {
    private final RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());

    private static List<ComparisonInput> suite(int metrics, int replicates, RegressionMetric metric, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ComparisonInput> inputs = new ArrayList<>();
        for (int i = 0; i < metrics; i++) {
            double[] baseline = new double[replicates];
            double[] current = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                baseline[r] = 1e6 * Math.exp(0.05 * random.nextGaussian());
                current[r] = 1e6 * Math.exp(0.05 * random.nextGaussian());
            }
            inputs.add(new ComparisonInput("t" + i, "T#m" + i, metric, baseline, current, "commit abc1234"));
        }
        return inputs;
    }

    @Test
    void fiveAgainstFiveOverFortyFiveComparisonsIsOneLineWithTheFix() {
        List<MetricComparison> compared = detector.compare(suite(45, 5, RegressionMetric.P50, 1));

        DetectionLimit.Limit limit = DetectionLimit.of(compared, detector).orElseThrow();

        assertEquals(45, limit.blind().size());
        assertEquals("Regression detection cannot fire: 45 of 45 comparisons can never show a regression, since"
                + " 5 vs 5 replicates reach at best p = 45/252 = 0.18 after Holm over 45 comparisons, above 0.050."
                + " Fix: record 6 replicates a side in baseline and run alike (JUnit rounds: -Dperfgate.profile=standard"
                + " records 10), or compare at most 12 metrics (-Dperfgate.regression.metrics=p50,p95).",
                limit.message());
        assertTrue(compared.stream().noneMatch(c -> c.outcome() == RegressionOutcome.REGRESSED));
    }

    @Test
    void twoJmhForksGiveNoIntervalAndTheFixNamesForks() {
        List<MetricComparison> compared = detector.compare(suite(6, 2, RegressionMetric.SCORE_TIME, 2));

        DetectionLimit.Limit limit = DetectionLimit.of(compared, detector).orElseThrow();

        assertTrue(limit.message().contains("2 vs 2 replicates give no interval of the change at 95% confidence"),
                limit.message());
        assertTrue(limit.message().contains("JMH: -Dperfgate.jmh.forks=5"), limit.message());
        assertTrue(compared.stream().allMatch(c -> c.undecided() == Undecided.NO_INTERVAL));
    }

    @Test
    void tenReplicatesOverFortyFiveComparisonsCanFireSoNoLine() {
        List<MetricComparison> compared = detector.compare(suite(45, 10, RegressionMetric.P50, 3));

        assertTrue(DetectionLimit.of(compared, detector).isEmpty());
    }

    @Test
    void aRegressionBeyondTheAllowedChangeThatCannotBeSignificantSaysWhy() {
        List<ComparisonInput> inputs = new ArrayList<>(suite(44, 5, RegressionMetric.P50, 4));
        double[] base = {1.00e6, 1.01e6, 0.99e6, 1.02e6, 0.98e6};
        double[] slow = {1.50e6, 1.52e6, 1.49e6, 1.51e6, 1.53e6};
        inputs.add(new ComparisonInput("slow", "T#slow", RegressionMetric.P50, base, slow, "commit abc1234"));

        MetricComparison slowest = detector.compare(inputs).get(44);

        assertEquals(RegressionOutcome.INCONCLUSIVE, slowest.outcome(), slowest.message());
        assertEquals(Undecided.NO_SIGNIFICANCE, slowest.undecided());
    }
}
