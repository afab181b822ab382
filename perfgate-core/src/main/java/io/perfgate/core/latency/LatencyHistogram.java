package io.perfgate.core.latency;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * A latency distribution in nanoseconds on an auto-resizing HdrHistogram (3 significant digits).
 * Not thread-safe: record on one histogram per thread and {@link #add} them afterwards.
 */
public final class LatencyHistogram {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram;

    public LatencyHistogram() {
        this(new Histogram(SIGNIFICANT_DIGITS));
    }

    private LatencyHistogram(Histogram histogram) {
        this.histogram = histogram;
    }

    public void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    /** Records the same latency {@code count} times (for distributions that arrive already counted). */
    public void record(long nanos, long count) {
        histogram.recordValueWithCount(Math.max(0, nanos), count);
    }

    /**
     * Records a latency measured from an intended start, adding the back-filled samples that a stalled
     * fixed-interval schedule would have produced (coordinated omission correction).
     */
    public void recordCorrected(long nanos, long expectedIntervalNanos) {
        histogram.recordValueWithExpectedInterval(Math.max(0, nanos), expectedIntervalNanos);
    }

    /**
     * Clears every count but keeps the storage already grown, so a recorder that reuses one histogram
     * (warmup, then round after round) does not allocate while it measures.
     */
    public void reset() {
        histogram.reset();
    }

    public void add(LatencyHistogram other) {
        histogram.add(other.histogram);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at a quantile (0.95 for p95). */
    public long valueAtQuantile(double quantile) {
        return histogram.getValueAtPercentile(quantile * 100);
    }

    /**
     * The value of the k-th smallest sample (1-based), as the histogram resolves it.
     * Half a sample below k keeps floating error from landing on the neighbour.
     */
    public long orderStatistic(long k) {
        long total = count();
        long clamped = Math.max(1, Math.min(total, k));
        return histogram.getValueAtPercentile(100.0 * (clamped - 0.5) / total);
    }

    /** The smallest value the histogram cannot tell apart from the given one (its bucket's lower edge). */
    public long lowestEquivalent(long value) {
        return histogram.lowestEquivalentValue(value);
    }

    public long min() {
        return count() == 0 ? 0 : histogram.getMinValue();
    }

    public long max() {
        return count() == 0 ? 0 : histogram.getMaxValue();
    }

    public double mean() {
        return histogram.getMean();
    }

    public LatencySummary summary() {
        return LatencySummary.of(this);
    }

    /** A copy, so merging never changes a recorded histogram. */
    public LatencyHistogram copy() {
        return new LatencyHistogram(histogram.copy());
    }

    /** Compressed HdrHistogram encoding in Base64, as stored in result files. */
    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes {@link #encode()}'s output; an invalid text raises IllegalArgumentException. */
    public static LatencyHistogram decode(String encoded) {
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            Histogram decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            decoded.setAutoResize(true);
            return new LatencyHistogram(decoded);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage(), e);
        }
    }
}
