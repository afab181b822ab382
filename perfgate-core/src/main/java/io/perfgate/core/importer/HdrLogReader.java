package io.perfgate.core.importer;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Round;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * Reads an HdrHistogram interval log, as {@code HistogramLogWriter} writes it (wrk2, many Java tools, and
 * perfgate's own generator): comment lines, {@code #[StartTime: ...]} and {@code #[BaseTime: ...]}, a legend, then
 * one line per interval, {@code [Tag=name,]start,length,max,histogram}. Untagged intervals are the whole run;
 * tagged ones are per label (perfgate writes both; a log with only tags has their sum as the whole). The log keeps
 * no unit: the caller says which ({@code unit} in the import file). Logs carry latency only, no errors.
 */
final class HdrLogReader {
    static final String ENGINE = "HdrHistogram log";
    private static final double ABSOLUTE_SECONDS = 1e9; // interval starts beyond ~2001 are absolute, not offsets

    private record Interval(String tag, long startMs, long endMs, LatencyHistogram latency) {
    }

    private HdrLogReader() {
    }

    static FileRecording read(Path file, long unitNanos) {
        List<Interval> intervals = new ArrayList<>();
        double startTime = Double.NaN;
        double baseTime = Double.NaN;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                String trimmed = text.strip();
                if (trimmed.startsWith("#[StartTime:")) {
                    startTime = seconds(file, line, trimmed);
                } else if (trimmed.startsWith("#[BaseTime:")) {
                    baseTime = seconds(file, line, trimmed);
                } else if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("\"StartTimestamp\"")
                        && !trimmed.startsWith("StartTimestamp")) {
                    intervals.add(interval(file, line, trimmed, unitNanos,
                            !Double.isNaN(baseTime) ? baseTime : !Double.isNaN(startTime) ? startTime : 0));
                }
            }
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (intervals.isEmpty()) {
            throw new ImportException(file + ": has no interval histograms (zero samples: nothing to judge)");
        }
        return recording(file, intervals);
    }

    private static double seconds(Path file, long line, String text) {
        String value = text.substring(text.indexOf(':') + 1).strip().split("\\s+")[0];
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw ImportException.at(file, line, "'" + value + "' is not a time in seconds");
        }
    }

    private static Interval interval(Path file, long line, String text, long unitNanos, double base) {
        String tag = null;
        String rest = text;
        if (rest.startsWith("Tag=")) {
            int comma = rest.indexOf(',');
            if (comma < 0) {
                throw ImportException.at(file, line, "a tag without an interval after it (a truncated line)");
            }
            tag = IntervalLogWriter.untag(rest.substring(4, comma));
            rest = rest.substring(comma + 1);
        }
        String[] parts = rest.split(",");
        if (parts.length != 4) {
            throw ImportException.at(file, line, "an interval line needs start,length,max,histogram; got "
                    + parts.length + " fields (a truncated or malformed line)");
        }
        double start;
        double length;
        try {
            start = Double.parseDouble(parts[0]);
            length = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw ImportException.at(file, line, "the interval's start or length is not a number: " + parts[0] + ","
                    + parts[1]);
        }
        Histogram histogram;
        try {
            histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(parts[3])), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw ImportException.at(file, line, "the interval's histogram cannot be decoded (a truncated line?): "
                    + e.getMessage(), e);
        }
        LatencyHistogram latency = new LatencyHistogram();
        for (HistogramIterationValue value : histogram.recordedValues()) {
            latency.record(value.getValueIteratedTo() * unitNanos, value.getCountAtValueIteratedTo());
        }
        double absolute = start >= ABSOLUTE_SECONDS ? start : base + start;
        long startMs = Math.round(absolute * 1000);
        return new Interval(tag, startMs, startMs + Math.max(1, Math.round(length * 1000)), latency);
    }

    private static FileRecording recording(Path file, List<Interval> intervals) {
        boolean untagged = intervals.stream().anyMatch(interval -> interval.tag() == null);
        long start = intervals.stream().mapToLong(Interval::startMs).min().orElseThrow();
        long end = intervals.stream().mapToLong(Interval::endMs).max().orElseThrow();
        long sliceMs = Math.max(1, (end - start + SampleTable.SLICES - 1) / SampleTable.SLICES);
        Map<String, List<Interval>> byTag = new LinkedHashMap<>();
        List<Interval> whole = new ArrayList<>();
        for (Interval interval : intervals) {
            if (interval.tag() != null) {
                byTag.computeIfAbsent(interval.tag(), tag -> new ArrayList<>()).add(interval);
            }
            if (interval.tag() == null || !untagged) {
                whole.add(interval);
            }
        }
        Map<String, LabelRecording> labels = new LinkedHashMap<>();
        byTag.forEach((tag, list) -> labels.put(tag, label(list, start, sliceMs)));
        LabelRecording overall = label(whole, start, sliceMs);
        if (overall.requests() == 0) {
            throw new ImportException(file + ": its interval histograms hold no values (zero samples: nothing to judge)");
        }
        return new FileRecording(file, ENGINE, overall, labels, start, end, (from, to) -> {
            double count = 0;
            for (Interval interval : whole) {
                long overlap = Math.min(to, interval.endMs()) - Math.max(from, interval.startMs());
                if (overlap > 0) {
                    count += interval.latency().count() * (double) overlap / (interval.endMs() - interval.startMs());
                }
            }
            return Math.round(count);
        }, null, "an HdrHistogram log holds latency only: no errors are counted");
    }

    private static LabelRecording label(List<Interval> intervals, long start, long sliceMs) {
        LatencyHistogram all = new LatencyHistogram();
        LatencyHistogram[] slices = new LatencyHistogram[SampleTable.SLICES];
        for (Interval interval : intervals) {
            all.add(interval.latency());
            int slice = (int) Math.min(SampleTable.SLICES - 1, (interval.startMs() - start) / sliceMs);
            if (slices[slice] == null) {
                slices[slice] = new LatencyHistogram();
            }
            slices[slice].add(interval.latency());
        }
        List<Round> rounds = new ArrayList<>();
        for (LatencyHistogram slice : slices) {
            if (slice != null && slice.count() > 0) {
                rounds.add(new Round(slice.count(), 0, sliceMs * 1_000_000, slice.encode(), null));
            }
        }
        return new LabelRecording(all.count(), 0, Map.of(), null, all, rounds);
    }
}
