package io.perfgate.core.compare;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignedRankTestTest {

    @Test
    void everyPairWorseGivesTheSmallestExactPValue() {
        assertEquals(1.0 / 32, SignedRankTest.pWorse(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}), 1e-12);
        assertEquals(1.0 / 32, SignedRankTest.smallestP(5), 1e-12);
    }

    @Test
    void everyPairBetterGivesPOne() {
        assertEquals(1.0, SignedRankTest.pWorse(new double[] {-0.1, -0.2, -0.3, -0.4, -0.5}), 1e-12);
    }

    @Test
    void zerosAndTiesAreBrokenAgainstWorse() {
        // the zero takes rank 1 and counts as not worse; of the tied 0.1s the worse takes rank 2: W+ = 2 + 4 = 6
        double p = SignedRankTest.pWorse(new double[] {0.1, -0.1, 0.2, 0.0});
        double[] cdf = SignedRankTest.nullCdf(4);
        assertEquals(cdf[10 - 6], p, 1e-12);
        assertEquals(7.0 / 16, p, 1e-12); // 7 of the 16 sign patterns have W+ >= 6
    }

    @Test
    void boundRanksMatchThePublishedCriticalValues() {
        // one-sided 5 %: n = 5 -> T <= 0 (rank 1); n = 10 -> T <= 10 (rank 11); n = 20 -> T <= 60 (rank 61)
        assertEquals(1, SignedRankTest.boundRank(5, 0.95));
        assertEquals(0, SignedRankTest.boundRank(4, 0.95));
        assertEquals(11, SignedRankTest.boundRank(10, 0.95));
        assertEquals(61, SignedRankTest.boundRank(20, 0.95));
    }

    @Test
    void hodgesLehmannOfAConstantShiftIsTheShift() {
        PairedShift shift = PairedShift.of(new double[] {0.2, 0.2, 0.2, 0.2, 0.2, 0.2}, 0.95);
        assertEquals(0.2, shift.estimate(), 1e-12);
        assertEquals(0.2, shift.lower(), 1e-12);
        assertEquals(0.2, shift.upper(), 1e-12);
    }

    @Test
    void fourPairsCannotBoundTheShift() {
        PairedShift shift = PairedShift.of(new double[] {0.1, 0.2, 0.3, 0.4}, 0.95);
        assertEquals(0.25, shift.estimate(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, shift.lower());
    }
}
