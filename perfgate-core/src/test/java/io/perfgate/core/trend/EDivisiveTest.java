package io.perfgate.core.trend;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EDivisiveTest {
    private final EDivisive detector = EDivisive.defaults();

    private static double[] levels(long seed, double noise, double[]... segments) {
        SplittableRandom random = new SplittableRandom(seed);
        int total = 0;
        for (double[] segment : segments) {
            total += (int) segment[1];
        }
        double[] series = new double[total];
        int k = 0;
        for (double[] segment : segments) {
            for (int i = 0; i < (int) segment[1]; i++) {
                series[k++] = segment[0] * (1 + noise * random.nextGaussian());
            }
        }
        return series;
    }

    @Test
    void findsAStepWhereItHappened() {
        double[] series = levels(1, 0.02, new double[] {100, 15}, new double[] {120, 15});
        List<EDivisive.ChangePoint> found = detector.detect(series, 11);
        assertEquals(1, found.size(), found.toString());
        assertEquals(15, found.get(0).index());
        assertTrue(found.get(0).pValue() <= 0.01);
    }

    @Test
    void findsAStepAndItsReturn() {
        double[] series = levels(2, 0.02, new double[] {100, 10}, new double[] {130, 10}, new double[] {100, 10});
        List<EDivisive.ChangePoint> found = detector.detect(series, 12);
        assertEquals(List.of(10, 20), found.stream().map(EDivisive.ChangePoint::index).toList());
    }

    @Test
    void noiseAloneHasNoChangePointMostOfTheTime() {
        int falseAlarms = 0;
        for (int seed = 0; seed < 50; seed++) {
            double[] series = levels(100 + seed, 0.05, new double[] {100, 30});
            falseAlarms += detector.detect(series, seed).isEmpty() ? 0 : 1;
        }
        // the permutation test runs at 1 %: a handful in 50 would already be suspicious
        assertTrue(falseAlarms <= 3, falseAlarms + " of 50 noise-only series had a change point");
    }

    @Test
    void theSameSeedGivesTheSameAnswer() {
        double[] series = levels(3, 0.05, new double[] {100, 8}, new double[] {107, 8});
        assertEquals(detector.detect(series, 5), detector.detect(series, 5));
    }

    @Test
    void tooShortASeriesHasNone() {
        assertTrue(detector.detect(new double[] {1, 1, 1, 9, 9}, 1).isEmpty());
    }
}
