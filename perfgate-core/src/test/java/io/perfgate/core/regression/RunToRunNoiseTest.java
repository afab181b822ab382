package io.perfgate.core.regression;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunToRunNoiseTest {

    private static List<double[]> runs(long seed, int count, double withinSd, double betweenSd, double stepAt) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> runs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            double level = Math.exp(betweenSd * random.nextGaussian()) * (r >= stepAt ? 1.3 : 1);
            double[] values = new double[10];
            for (int i = 0; i < values.length; i++) {
                values[i] = 1e6 * level * Math.exp(withinSd * random.nextGaussian());
            }
            runs.add(values);
        }
        return runs;
    }

    @Test
    void tooFewRunsGiveNoEstimate() {
        assertTrue(Double.isNaN(RunToRunNoise.logSd(runs(1, 4, 0.02, 0.03, 99))));
    }

    @Test
    void estimatesTheVariationBetweenRunsBeyondTheReplicates() {
        double estimate = RunToRunNoise.logSd(runs(2, 200, 0.02, 0.03, 999));
        assertEquals(0.03, estimate, 0.006);
    }

    @Test
    void replicatesThatExplainTheSpreadLeaveNothingBetweenRuns() {
        double estimate = RunToRunNoise.logSd(runs(3, 200, 0.05, 0, 999));
        assertTrue(estimate < 0.01, "estimate " + estimate);
    }

    @Test
    void aSingleChangeOfLevelDoesNotInflateTheEstimate() {
        double estimate = RunToRunNoise.logSd(runs(4, 40, 0.02, 0.03, 20));
        assertTrue(estimate < 0.05, "a +30% step counted once: estimate " + estimate);
    }

    @Test
    void theDetectorWidensTheIntervalByIt() {
        double[] baseline = new double[10];
        double[] current = new double[10];
        for (int i = 0; i < 10; i++) {
            baseline[i] = 100 * (1 + 0.002 * i);
            current[i] = 112 * (1 + 0.002 * i);
        }
        RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());
        MetricComparison tight = detector.compare(new ComparisonInput("id", "T#m", RegressionMetric.P50, baseline,
                current, "commit abc"));
        assertEquals(RegressionOutcome.REGRESSED, tight.outcome(), tight.message());
        MetricComparison widened = detector.compare(new ComparisonInput("id", "T#m", RegressionMetric.P50, baseline,
                current, "commit abc", List.of(), false, 0.03));
        assertEquals(RegressionOutcome.INCONCLUSIVE, widened.outcome(), widened.message());
        assertTrue(widened.lowerRatio() < 1.05 && widened.upperRatio() > 1.19, widened.message());
        assertTrue(widened.message().contains("run-to-run variation 3% from the history"), widened.message());
        assertTrue(widened.message().contains("more replicates in one run cannot settle it"), widened.message());
    }
}
