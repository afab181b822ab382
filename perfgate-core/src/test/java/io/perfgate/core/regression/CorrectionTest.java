package io.perfgate.core.regression;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class CorrectionTest {

    @Test
    void holmMultipliesByTheRemainingCountAndKeepsOrder() {
        double[] adjusted = Correction.HOLM.adjust(new double[] {0.01, 0.04, 0.03});
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, adjusted, 1e-12);
    }

    @Test
    void holmCapsAtOne() {
        assertArrayEquals(new double[] {1.0, 1.0}, Correction.HOLM.adjust(new double[] {0.6, 0.9}), 1e-12);
    }

    @Test
    void benjaminiHochbergScalesByRankFromTheTop() {
        double[] adjusted = Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.01, 0.04, 0.03});
        assertArrayEquals(new double[] {0.03, 0.04, 0.04}, adjusted, 1e-12);
    }

    @Test
    void noneLeavesPValuesAlone() {
        assertArrayEquals(new double[] {0.01, 0.5}, Correction.NONE.adjust(new double[] {0.01, 0.5}), 0);
        assertArrayEquals(new double[0], Correction.HOLM.adjust(new double[0]), 0);
    }
}
