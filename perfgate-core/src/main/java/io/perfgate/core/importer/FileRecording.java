package io.perfgate.core.importer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.LongBinaryOperator;

/**
 * One imported file, read into perfgate's terms.
 *
 * @param file       where it came from
 * @param engine     the engine that wrote it: {@code JMeter}, {@code k6}, {@code Gatling}, {@code HdrHistogram log}
 * @param overall    every sample of the file
 * @param labels     per label, in the order they first appeared
 * @param startMs    epoch milliseconds of the first sample's start
 * @param endMs      epoch milliseconds of the last sample's end
 * @param successes  successful samples that started in {@code [from, to)} (epoch ms); for throughput over the time
 *                   window that several files share
 * @param reported   for files holding only the engine's own statistics (no sample-level data): the latency
 *                   attributes it reports ({@code p50}, {@code p95}, {@code max}); null for sample-level files
 * @param note       what a reader of the report should know about these figures, or null
 */
public record FileRecording(
        Path file,
        String engine,
        LabelRecording overall,
        Map<String, LabelRecording> labels,
        long startMs,
        long endMs,
        LongBinaryOperator successes,
        Set<String> reported,
        String note) {

    public FileRecording {
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        reported = reported == null ? null : Set.copyOf(reported);
    }

    /** Whether the file carries only the engine's aggregated statistics, which cannot be merged with others. */
    public boolean aggregated() {
        return reported != null;
    }
}
