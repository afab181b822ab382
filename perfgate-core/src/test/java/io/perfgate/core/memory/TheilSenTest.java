package io.perfgate.core.memory;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TheilSenTest {

    @Test
    void exactLineGivesItsSlopeWithAZeroWidthInterval() {
        double[] x = new double[12];
        double[] y = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 100;
            y[i] = 5_000 + 3.5 * x[i];
        }
        SlopeEstimate fit = TheilSen.fit(x, y, 0.95).orElseThrow();
        assertEquals(3.5, fit.slope(), 1e-12);
        assertEquals(3.5, fit.lower(), 1e-12);
        assertEquals(3.5, fit.upper(), 1e-12);
        assertEquals(12, fit.samples());
    }

    @Test
    void outliersBarelyMoveTheSlope() {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 10 * i;
        }
        // four wild samples: a least-squares fit would be pulled far off
        y[3] += 50_000;
        y[11] -= 40_000;
        y[20] += 80_000;
        y[27] += 60_000;
        SlopeEstimate fit = TheilSen.fit(x, y, 0.95).orElseThrow();
        assertEquals(10, fit.slope(), 1e-9);
        assertTrue(fit.lower() <= 10 && fit.upper() >= 10, fit.toString());
    }

    @Test
    void intervalCoversTheTrueSlopeAboutAsOftenAsStated() {
        SplittableRandom random = new SplittableRandom(42);
        int trials = 400;
        int covered = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[] x = new double[20];
            double[] y = new double[20];
            for (int i = 0; i < x.length; i++) {
                x[i] = i * 50;
                y[i] = 2.0 * x[i] + random.nextGaussian() * 300;
            }
            SlopeEstimate fit = TheilSen.fit(x, y, 0.95).orElseThrow();
            if (fit.lower() <= 2.0 && 2.0 <= fit.upper()) {
                covered++;
            }
        }
        double coverage = covered / (double) trials;
        assertTrue(coverage >= 0.92 && coverage <= 0.995, "coverage " + coverage);
    }

    @Test
    void noTrendGivesAnIntervalAroundZero() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[25];
        double[] y = new double[25];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 1000;
            y[i] = 7_000_000 + random.nextInt(4096);
        }
        SlopeEstimate fit = TheilSen.fit(x, y, 0.95).orElseThrow();
        assertTrue(fit.lower() <= 0 && fit.upper() >= 0, fit.toString());
    }

    @Test
    void tooFewPointsGiveNoFit() {
        assertTrue(TheilSen.fit(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5}, 0.95).isEmpty());
        double[] sameX = {1, 1, 1, 1, 1, 1, 1};
        assertTrue(TheilSen.fit(sameX, new double[] {1, 2, 3, 4, 5, 6, 7}, 0.95).isEmpty());
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> TheilSen.fit(new double[3], new double[4], 0.95));
        assertThrows(IllegalArgumentException.class, () -> TheilSen.fit(new double[8], new double[8], 1.0));
    }
}
