package io.perfgate.core.latency;

import io.perfgate.core.TestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {
    /** HdrHistogram with three significant digits tells values apart to within 0.1 %. */
    private static void assertClose(long expected, long actual) {
        assertTrue(Math.abs(expected - actual) <= Math.max(1, expected / 1000),
                () -> "expected about " + expected + " but was " + actual);
    }

    private static LatencyHistogram oneToThousandMicros() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            histogram.record(i * 1000L);
        }
        return histogram;
    }

    @Test
    void summarisesARecordedDistribution() {
        LatencySummary summary = oneToThousandMicros().summary();
        assertEquals(1000, summary.count());
        assertClose(1_000, summary.min());
        assertClose(500_500, Math.round(summary.mean()));
        assertClose(500_000, summary.p50());
        assertClose(900_000, summary.p90());
        assertClose(950_000, summary.p95());
        assertClose(990_000, summary.p99());
        assertClose(999_000, summary.p999());
        assertClose(1_000_000, summary.max());
    }

    @Test
    void encodingRoundTripsEveryFigure() {
        LatencyHistogram original = TestData.exponential(7, 5_000, 2_000_000);
        original.record(3_600_000_000_000L); // an hour: the histogram resizes itself
        String encoded = original.encode();
        LatencyHistogram decoded = LatencyHistogram.decode(encoded);
        assertEquals(original.summary(), decoded.summary());
        assertEquals(encoded, decoded.encode());
        // the decoded histogram still records values beyond its range
        decoded.record(7_200_000_000_000L);
        assertClose(7_200_000_000_000L, decoded.max());
    }

    @Test
    void anEmptyHistogramRoundTripsAndReportsZeros() {
        LatencyHistogram empty = LatencyHistogram.decode(new LatencyHistogram().encode());
        assertEquals(0, empty.count());
        assertEquals(0, empty.min());
        assertEquals(0, empty.max());
    }

    @Test
    void decodingGarbageNamesTheProblem() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LatencyHistogram.decode("not base64!"));
        assertTrue(error.getMessage().startsWith("not an encoded latency histogram"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.decode("AAAA"));
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.decode(null));
    }

    @Test
    void addMergesWithoutChangingTheOther() {
        LatencyHistogram fast = TestData.repeat(new LatencyHistogram(), 1_000, 90);
        LatencyHistogram slow = TestData.repeat(new LatencyHistogram(), 5_000_000, 10);
        LatencyHistogram merged = fast.copy();
        merged.add(slow);
        assertEquals(100, merged.count());
        assertClose(1_000, merged.valueAtQuantile(0.90));
        assertClose(5_000_000, merged.valueAtQuantile(0.91));
        assertClose(5_000_000, merged.max());
        assertEquals(90, fast.count(), "the copy is independent");
        assertEquals(10, slow.count());
    }

    @Test
    void orderStatisticIsTheKthSmallestSample() {
        LatencyHistogram histogram = oneToThousandMicros();
        assertClose(1_000, histogram.orderStatistic(1));
        assertClose(2_000, histogram.orderStatistic(2));
        assertClose(950_000, histogram.orderStatistic(950));
        assertClose(951_000, histogram.orderStatistic(951));
        assertClose(1_000_000, histogram.orderStatistic(1000));
        // out of range ranks clamp to the extremes
        assertClose(1_000, histogram.orderStatistic(0));
        assertClose(1_000_000, histogram.orderStatistic(5000));
        // the lower edge of a value's bucket is never above the value
        assertTrue(histogram.lowestEquivalent(histogram.orderStatistic(950)) <= 950_000);
    }

    @Test
    void theQuantileIsTheCeilingRankOrderStatistic() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            histogram.record(i * 1_000_000L);
        }
        // p90 of 100 samples is the 90th smallest, not the 91st (0.9 * 100 is 90.00000000000001)
        assertClose(90_000_000, histogram.valueAtQuantile(0.90));
        assertClose(95_000_000, histogram.valueAtQuantile(0.95));
        assertClose(50_000_000, histogram.valueAtQuantile(0.50));
    }

    @Test
    void negativeDurationsCountAsZero() {
        LatencyHistogram histogram = TestData.histogram(-5, 10);
        assertEquals(2, histogram.count());
        assertEquals(0, histogram.min());
    }

    @Test
    void correctedRecordingBackFillsAStalledSchedule() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordCorrected(100_000_000, 10_000_000); // a 100 ms stall on a 10 ms schedule
        assertEquals(10, histogram.count());
        assertClose(10_000_000, histogram.min());
    }
}
