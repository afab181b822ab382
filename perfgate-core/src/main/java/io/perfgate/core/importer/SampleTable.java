package io.perfgate.core.importer;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Round;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the samples of a file with one line per request (JMeter JTL, k6 JSON stream) and turns them into a
 * {@link FileRecording}. Samples are kept compactly (12 bytes each) until the file's span is known, since the
 * rounds are time slices of that span.
 */
final class SampleTable {
    /** Time slices per file, the replicates regression checks compare (as many as a perfgate load run has). */
    static final int SLICES = 10;

    private final Path file;
    private final String engine;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private long base = Long.MIN_VALUE;
    private long minStart = Long.MAX_VALUE;
    private long maxEnd = Long.MIN_VALUE;

    /** One label's samples: start offsets from the file's first sample, latency in nanoseconds (-1: failed). */
    private static final class Column {
        int size;
        int[] offsets = new int[256];
        long[] nanos = new long[256];
        long errors;
        final Map<String, Long> kinds = new TreeMap<>();
        String firstError;
    }

    SampleTable(Path file, String engine) {
        this.file = file;
        this.engine = engine;
    }

    /**
     * Adds one sample.
     *
     * @param errorKind null for a success; else the kind it is counted under
     * @param errorText the failure's text, kept for the first error
     */
    void add(String label, long startMs, long latencyNanos, String errorKind, String errorText) {
        if (base == Long.MIN_VALUE) {
            base = startMs;
        }
        long offset = startMs - base;
        if (offset > Integer.MAX_VALUE || offset < Integer.MIN_VALUE) {
            throw new ImportException(file + ": samples span more than 24 days; is the timestamp column right?");
        }
        Column column = columns.computeIfAbsent(label, name -> new Column());
        if (column.size == column.offsets.length) {
            column.offsets = Arrays.copyOf(column.offsets, column.size * 2);
            column.nanos = Arrays.copyOf(column.nanos, column.size * 2);
        }
        column.offsets[column.size] = (int) offset;
        column.nanos[column.size] = errorKind == null ? Math.max(0, latencyNanos) : -1;
        column.size++;
        if (errorKind != null) {
            column.errors++;
            column.kinds.merge(errorKind, 1L, Long::sum);
            if (column.firstError == null) {
                column.firstError = errorText == null || errorText.isBlank() ? errorKind : errorText;
            }
        }
        minStart = Math.min(minStart, startMs);
        maxEnd = Math.max(maxEnd, startMs + Math.max(0, latencyNanos) / 1_000_000);
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /**
     * The file's recording.
     *
     * @param emptyProblem what to say when the file held no sample, such as "has no samples"
     * @param note         what the report should say about these figures, or null
     */
    FileRecording build(String emptyProblem, String note) {
        if (columns.isEmpty()) {
            throw new ImportException(file + ": " + emptyProblem);
        }
        long end = Math.max(maxEnd, minStart + 1);
        long sliceMs = Math.max(1, (end - minStart + SLICES - 1) / SLICES);
        Slices overall = new Slices();
        Map<String, LabelRecording> labels = new LinkedHashMap<>();
        int successCount = 0;
        for (Column column : columns.values()) {
            successCount += column.size - (int) column.errors;
        }
        long[] successStarts = new long[successCount];
        int next = 0;
        Map<String, Long> allKinds = new TreeMap<>();
        String firstError = null;
        for (Map.Entry<String, Column> entry : columns.entrySet()) {
            Column column = entry.getValue();
            Slices own = new Slices();
            for (int i = 0; i < column.size; i++) {
                long start = base + column.offsets[i];
                int slice = (int) Math.min(SLICES - 1, (start - minStart) / sliceMs);
                own.add(slice, column.nanos[i]);
                overall.add(slice, column.nanos[i]);
                if (column.nanos[i] >= 0) {
                    successStarts[next++] = start;
                }
            }
            column.kinds.forEach((kind, count) -> allKinds.merge(kind, count, Long::sum));
            firstError = firstError == null ? column.firstError : firstError;
            labels.put(entry.getKey(), own.recording(column.errors, column.kinds, column.firstError, sliceMs));
        }
        long totalErrors = allKinds.values().stream().mapToLong(Long::longValue).sum();
        Arrays.sort(successStarts);
        return new FileRecording(file, engine, overall.recording(totalErrors, allKinds, firstError, sliceMs), labels,
                minStart, end, (from, to) -> countIn(successStarts, from, to), null, note);
    }

    private static long countIn(long[] sorted, long from, long to) {
        return Math.max(0, lowerBound(sorted, to) - lowerBound(sorted, from));
    }

    private static int lowerBound(long[] sorted, long value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == value) {
            index--;
        }
        return index;
    }

    /** Latency and counts per time slice, and over all of them. */
    private static final class Slices {
        final LatencyHistogram all = new LatencyHistogram();
        final LatencyHistogram[] latency = new LatencyHistogram[SLICES];
        final long[] requests = new long[SLICES];
        final long[] errors = new long[SLICES];

        void add(int slice, long nanos) {
            requests[slice]++;
            if (nanos < 0) {
                errors[slice]++;
                return;
            }
            all.record(nanos);
            if (latency[slice] == null) {
                latency[slice] = new LatencyHistogram();
            }
            latency[slice].record(nanos);
        }

        LabelRecording recording(long errorCount, Map<String, Long> kinds, String firstError, long sliceMs) {
            List<Round> rounds = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < SLICES; i++) {
                total += requests[i];
                if (requests[i] > 0) {
                    rounds.add(new Round(requests[i], errors[i], sliceMs * 1_000_000,
                            latency[i] == null ? null : latency[i].encode(), null));
                }
            }
            return new LabelRecording(total, errorCount, kinds, firstError, all, rounds);
        }
    }
}
