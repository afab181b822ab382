package io.perfgate.core.importer;

import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the recordings of several files (generators, engines of a distributed run, repeated runs) into one
 * measurement per label and overall. Latency is merged as histograms, never by averaging percentiles. Throughput is
 * the sum of every file's successful requests over the time window all files share, divided by its length; each
 * measurement's duration is the one that gives that rate, so {@code check} judges the throughput gate on it.
 *
 * @param overall        every file's samples
 * @param labels         per label, over every file that has it
 * @param throughput     successful requests per second
 * @param windowNote     how the throughput was computed, for the report
 */
public record ImportMerge(Measurement overall, Map<String, Measurement> labels, double throughput, String windowNote) {

    public static ImportMerge of(List<FileRecording> files) {
        if (files.isEmpty()) {
            throw new ImportException("no file to import");
        }
        for (FileRecording file : files) {
            if (file.aggregated() && files.size() > 1) {
                throw new ImportException(file.file() + " holds only " + file.engine() + "'s own statistics, whose"
                        + " percentiles cannot be merged with other files; import it alone, or import request-level"
                        + " data (JMeter JTL, k6 --out json, HdrHistogram logs)");
            }
        }
        long start = files.stream().mapToLong(FileRecording::startMs).max().orElseThrow();
        long end = files.stream().mapToLong(FileRecording::endMs).min().orElseThrow();
        long successes = files.stream().mapToLong(file -> file.overall().requests() - file.overall().errors()).sum();
        double rate;
        String note;
        if (files.size() == 1 || files.get(0).aggregated()) {
            FileRecording file = files.get(0);
            long span = Math.max(1, file.endMs() - file.startMs());
            rate = successes * 1000.0 / span;
            note = null;
        } else if (end > start) {
            long inWindow = files.stream().mapToLong(file -> file.successes().applyAsLong(start, end)).sum();
            rate = inWindow * 1000.0 / (end - start);
            note = "throughput: " + inWindow + " successful requests of " + files.size() + " files in the "
                    + (end - start) + " ms all of them share";
        } else {
            long spans = files.stream().mapToLong(file -> Math.max(1, file.endMs() - file.startMs())).sum();
            rate = successes * 1000.0 / spans;
            note = "throughput: the files share no time window (runs one after another), so it is their successful"
                    + " requests over the sum of their durations";
        }
        long durationNanos = rate > 0 ? Math.round(successes / rate * 1e9)
                : files.stream().mapToLong(file -> Math.max(1, file.endMs() - file.startMs())).max().orElse(1) * 1_000_000;
        Map<String, List<LabelRecording>> byLabel = new LinkedHashMap<>();
        for (FileRecording file : files) {
            file.labels().forEach((label, recording) -> byLabel.computeIfAbsent(label, name -> new ArrayList<>()).add(recording));
        }
        Map<String, Measurement> labels = new LinkedHashMap<>();
        byLabel.forEach((label, recordings) -> labels.put(label, merge(recordings, durationNanos)));
        Measurement overall = merge(files.stream().map(FileRecording::overall).toList(), durationNanos);
        return new ImportMerge(overall, labels, rate, note);
    }

    private static Measurement merge(List<LabelRecording> recordings, long durationNanos) {
        long requests = 0;
        long errors = 0;
        Map<String, Long> kinds = new TreeMap<>();
        String firstError = null;
        io.perfgate.core.latency.LatencyHistogram latency = new io.perfgate.core.latency.LatencyHistogram();
        List<Round> rounds = new ArrayList<>();
        for (LabelRecording recording : recordings) {
            requests += recording.requests();
            errors += recording.errors();
            recording.errorsByKind().forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
            firstError = firstError == null ? recording.firstError() : firstError;
            latency.add(recording.latency());
            rounds.addAll(recording.rounds());
        }
        return new Measurement(requests, errors, kinds, firstError, durationNanos,
                latency.count() == 0 ? null : latency.encode(), null, null, rounds);
    }
}
