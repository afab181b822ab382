package io.perfgate.core.latency;

import io.perfgate.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentileIntervalTest {

    @ParameterizedTest(name = "p{0} needs {1} samples")
    @CsvSource({"0.50, 20", "0.90, 100", "0.95, 200", "0.99, 1000", "0.999, 10000"})
    void requiresTenSamplesBeyondTheQuantile(double quantile, long expected) {
        assertEquals(expected, PercentileInterval.requiredSamples(quantile));
    }

    /**
     * The interval must cover the true quantile about 95 % of the time, whatever the distribution.
     * Exponential latencies with a 1 ms mean: the true q-quantile is -ln(1 - q) ms.
     */
    @ParameterizedTest(name = "p{0} from {1} samples")
    @CsvSource({"0.50, 20", "0.95, 200", "0.95, 2000", "0.99, 1000"})
    void coversTheTrueQuantileOfAKnownDistributionAboutNinetyFivePercentOfTheTime(double quantile, int samples) {
        double meanNanos = 1_000_000;
        double trueQuantile = -Math.log(1 - quantile) * meanNanos;
        Random seeds = new Random(20250115L);
        int trials = 1000;
        int covered = 0;
        for (int trial = 0; trial < trials; trial++) {
            LatencyHistogram histogram = TestData.exponential(seeds.nextLong(), samples, meanNanos);
            PercentileInterval interval = PercentileInterval.of(histogram, quantile, 0.95).orElseThrow();
            assertTrue(interval.lower() <= interval.upper());
            if (interval.lower() <= trueQuantile && trueQuantile <= interval.upper()) {
                covered++;
            }
        }
        double coverage = covered / (double) trials;
        assertTrue(coverage >= 0.92 && coverage <= 0.985, "coverage " + coverage);
    }

    @Test
    void containsThePointEstimate() {
        LatencyHistogram histogram = TestData.exponential(3, 500, 1_000_000);
        PercentileInterval interval = PercentileInterval.of(histogram, 0.95, 0.95).orElseThrow();
        long estimate = histogram.valueAtQuantile(0.95);
        assertTrue(interval.lower() <= estimate && estimate <= interval.upper(), interval + " vs " + estimate);
        assertEquals(0.95, interval.confidence());
    }

    @Test
    void isEmptyWhenTooFewSamplesBoundTheQuantileFromAbove() {
        assertEquals(Optional.empty(), PercentileInterval.of(TestData.exponential(1, 100, 1e6), 0.99, 0.95));
        assertEquals(Optional.empty(), PercentileInterval.of(TestData.exponential(1, 10, 1e6), 0.95, 0.95));
        assertEquals(Optional.empty(), PercentileInterval.of(new LatencyHistogram(), 0.5, 0.95));
        assertEquals(Optional.empty(), PercentileInterval.of(TestData.histogram(5), 0.5, 0.95));
    }

    @Test
    void aLowerEndExistsBeforeTheWholeInterval() {
        LatencyHistogram sixty = TestData.exponential(1, 60, 1e6);
        assertTrue(PercentileInterval.of(sixty, 0.95, 0.95).isEmpty());
        long lower = PercentileInterval.lowerEnd(sixty, 0.95, 0.95).orElseThrow();
        assertTrue(lower <= sixty.valueAtQuantile(0.95));
        assertFalse(PercentileInterval.lowerEnd(TestData.histogram(5), 0.5, 0.95).isPresent(),
                "one sample says nothing about where the median lies");
        assertFalse(PercentileInterval.lowerEnd(new LatencyHistogram(), 0.95, 0.95).isPresent());
    }

    @Test
    void widensWithHigherConfidence() {
        LatencyHistogram histogram = TestData.exponential(11, 1000, 1e6);
        PercentileInterval narrow = PercentileInterval.of(histogram, 0.9, 0.80).orElseThrow();
        PercentileInterval wide = PercentileInterval.of(histogram, 0.9, 0.99).orElseThrow();
        assertTrue(wide.lower() <= narrow.lower() && narrow.upper() <= wide.upper());
        assertTrue(wide.upper() - wide.lower() > narrow.upper() - narrow.lower());
    }
}
