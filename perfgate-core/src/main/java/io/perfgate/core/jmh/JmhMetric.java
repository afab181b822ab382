package io.perfgate.core.jmh;

import java.util.List;

/**
 * One metric of a JMH run as JMH wrote it: the primary metric or a secondary one such as
 * {@code gc.alloc.rate.norm}. Scores may be NaN (JMH's "NaN") or infinite.
 *
 * @param rawData          per fork, the score of each measurement iteration
 * @param rawDataHistogram per fork, per iteration, the timed samples (SampleTime mode only; else empty)
 */
public record JmhMetric(
        double score,
        double scoreError,
        String scoreUnit,
        List<List<Double>> rawData,
        List<List<List<Sample>>> rawDataHistogram) {

    public JmhMetric {
        rawData = rawData == null ? List.of() : rawData.stream().map(List::copyOf).toList();
        rawDataHistogram = rawDataHistogram == null ? List.of()
                : rawDataHistogram.stream().map(fork -> fork.stream().map(List::copyOf).toList()).toList();
    }

    /** A value in the metric's unit, seen {@code count} times. */
    public record Sample(double value, long count) {
    }
}
