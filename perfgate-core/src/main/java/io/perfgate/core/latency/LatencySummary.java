package io.perfgate.core.latency;

import java.util.Optional;

/** The figures reports show for a latency distribution, in nanoseconds. */
public record LatencySummary(
        long count, long min, double mean, long p50, long p90, long p95, long p99, long p999, long max) {

    public static LatencySummary of(LatencyHistogram histogram) {
        return new LatencySummary(histogram.count(), histogram.min(), histogram.mean(),
                histogram.valueAtQuantile(0.50), histogram.valueAtQuantile(0.90),
                histogram.valueAtQuantile(0.95), histogram.valueAtQuantile(0.99),
                histogram.valueAtQuantile(0.999), histogram.max());
    }

    /** The 95 % interval of a quantile of the given histogram, when there are samples enough. */
    public static Optional<PercentileInterval> interval(LatencyHistogram histogram, double quantile) {
        return PercentileInterval.of(histogram, quantile, PercentileInterval.DEFAULT_CONFIDENCE);
    }
}
