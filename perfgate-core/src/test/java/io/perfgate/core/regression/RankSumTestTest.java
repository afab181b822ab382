package io.perfgate.core.regression;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankSumTestTest {

    @Test
    void nullDistributionMatchesTheCountsOfArrangements() {
        // n = m = 3: C(6,3) = 20 arrangements; U = 0 once, U = 1 once, U = 2 twice
        double[] cdf = RankSumTest.nullCdf(3, 3);
        assertEquals(1 / 20.0, cdf[0], 1e-12);
        assertEquals(2 / 20.0, cdf[1], 1e-12);
        assertEquals(4 / 20.0, cdf[2], 1e-12);
        assertEquals(1.0, cdf[9], 1e-12);
        assertEquals(1 / 70.0, RankSumTest.nullCdf(4, 4)[0], 1e-12);
        assertEquals(1 / 3432.0, RankSumTest.smallestP(7, 7), 1e-15);
        // symmetric in the sample sizes
        assertEquals(RankSumTest.nullCdf(3, 5)[4], RankSumTest.nullCdf(5, 3)[4], 1e-15);
    }

    @Test
    void completelySeparatedSamplesGiveTheSmallestExactPValue() {
        double[] baseline = {1, 2, 3, 4, 5, 6, 7};
        double[] current = {11, 12, 13, 14, 15, 16, 17};
        assertEquals(1 / 3432.0, RankSumTest.pWorse(baseline, current), 1e-15);
        // the other way round is as far from "worse" as can be
        assertEquals(1.0, RankSumTest.pWorse(current, baseline), 1e-12);
    }

    @Test
    void tiesCountAgainstWorseSoThePValueNeverShrinks() {
        // strictly worse pairs: 3>1, 3>2, and 4, 5 beat all three; 3 vs 3 is a tie, not counted: U = 8 of 9
        double[] baseline = {1, 2, 3};
        double[] current = {3, 4, 5};
        assertEquals(2 / 20.0, RankSumTest.pWorse(baseline, current), 1e-12); // P(U >= 8) = P(U <= 1)
        // identical samples are not evidence of anything
        assertEquals(1.0, RankSumTest.pWorse(new double[] {5, 5, 5}, new double[] {5, 5, 5}), 1e-12);
    }

    @Test
    void largeSamplesUseTheNormalApproximation() {
        double[] baseline = new double[60];
        double[] current = new double[60];
        for (int i = 0; i < 60; i++) {
            baseline[i] = i;
            current[i] = i + 0.5;
        }
        double p = RankSumTest.pWorse(baseline, current);
        assertTrue(p > 0.2 && p < 0.6, "a half-step shift among 60 values is no evidence: p = " + p);
    }

    @Test
    void boundRankLeavesAtMostTheTailBelowIt() {
        assertEquals(0, RankSumTest.boundRank(2, 2, 0.95), "2 a side cannot bound a shift at 95%");
        assertEquals(1, RankSumTest.boundRank(3, 3, 0.95)); // P(U <= 0) = 0.05
        assertEquals(2, RankSumTest.boundRank(4, 4, 0.95)); // P(U <= 1) = 2/70, P(U <= 2) = 4/70
        for (int n = 3; n < 30; n += 4) {
            int c = RankSumTest.boundRank(n, n, 0.95);
            double[] cdf = RankSumTest.nullCdf(n, n);
            assertTrue(c == 0 || cdf[c - 1] <= 0.05 + 1e-12, "coverage at n = " + n);
            assertTrue(cdf[c] > 0.05, "the bound is the tightest one at n = " + n);
        }
    }

    @Test
    void shiftBoundsCoverTheTrueShiftAtLeastAsOftenAsPromised() {
        SplittableRandom random = new SplittableRandom(42);
        double trueShift = Math.log(1.3);
        int trials = 2000;
        int lowerMisses = 0;
        int upperMisses = 0;
        for (int t = 0; t < trials; t++) {
            double[] baseline = new double[8];
            double[] current = new double[8];
            for (int i = 0; i < 8; i++) {
                baseline[i] = 0.1 * random.nextGaussian();
                current[i] = trueShift + 0.1 * random.nextGaussian();
            }
            ShiftEstimate shift = ShiftEstimate.of(baseline, current, 0.95);
            lowerMisses += shift.lower() > trueShift ? 1 : 0;
            upperMisses += shift.upper() < trueShift ? 1 : 0;
        }
        // each side may miss at most 5 % of the time; allow sampling error of 2,000 trials (sd ~0.5 %)
        assertTrue(lowerMisses < 0.065 * trials, "lower bound missed " + lowerMisses);
        assertTrue(upperMisses < 0.065 * trials, "upper bound missed " + upperMisses);
        assertTrue(lowerMisses > 0.01 * trials, "the lower bound is not needlessly loose: " + lowerMisses);
    }

    @Test
    void hodgesLehmannIsTheMedianPairwiseDifference() {
        ShiftEstimate shift = ShiftEstimate.of(new double[] {0, 1, 2}, new double[] {10, 11, 12}, 0.95);
        assertEquals(10.0, shift.estimate(), 1e-12);
        assertEquals(8.0, shift.lower(), 1e-12); // rank 1 at 3 a side: the smallest difference
        assertEquals(12.0, shift.upper(), 1e-12);
        ShiftEstimate tooFew = ShiftEstimate.of(new double[] {0, 1}, new double[] {5, 6}, 0.95);
        assertTrue(!tooFew.bounded());
        assertEquals(5.0, tooFew.estimate(), 1e-12);
    }
}
