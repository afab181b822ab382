package io.perfgate.core.importer;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ImportSource;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns an {@link ImportDefinition}'s files into a load result ({@link TestResult} of kind {@code load}), judged by
 * {@code check} like a {@code perfgate:load} scenario: the overall measurement, and one measurement per label for
 * gates scoped to it. A file that cannot be used (missing, empty, unknown, malformed) leaves the result unmeasured
 * with the reason, naming the file and line, so every gate FAILs: an import never passes on data it could not read.
 */
public final class Importer {
    /** Imported results are load results: they are gated, baselined and compared as such. */
    public static final ResultKind KIND = ResultKind.LOAD;

    private Importer() {
    }

    /** What an import produced: the result to write, the files read, and why it failed (or null). */
    public record Outcome(TestResult result, List<Path> files, String failure, String summary) {
    }

    public static TestResult declared(ImportDefinition definition) {
        // the engine's run, not this JVM, was timed
        return TestResult.declared(KIND, definition.id(), definition.source(), definition.name(), null,
                definition.gates(), null).withEnvironment(Environment.machine());
    }

    /** Reads, merges and records; never throws for bad data (the result carries the reason). */
    public static Outcome run(ImportDefinition definition, Path projectDirectory) {
        TestResult declared = declared(definition);
        List<Path> files = new ArrayList<>();
        try {
            for (String pattern : definition.files()) {
                files.addAll(resolve(projectDirectory, pattern));
            }
            List<FileRecording> recordings = new ArrayList<>();
            for (Path file : files) {
                recordings.add(read(file, definition.format(), definition.unitNanos()));
            }
            checkReported(definition, recordings);
            ImportMerge merge = ImportMerge.of(recordings);
            Set<String> engines = new LinkedHashSet<>();
            List<String> notes = new ArrayList<>();
            for (FileRecording recording : recordings) {
                engines.add(recording.engine());
                if (recording.note() != null && !notes.contains(recording.note())) {
                    notes.add(recording.note());
                }
            }
            if (merge.windowNote() != null) {
                notes.add(merge.windowNote());
            }
            TestResult result = declared.completed(merge.overall(), merge.labels())
                    .importedFrom(new ImportSource(String.join(" + ", engines), names(files),
                            notes.isEmpty() ? null : String.join("; ", notes)));
            FileRecording only = recordings.size() == 1 ? recordings.get(0) : null;
            return new Outcome(result, files, null, summary(definition, merge,
                    only != null && only.aggregated() ? only : null));
        } catch (ImportException e) {
            TestResult result = declared.unmeasured("import '" + definition.name() + "': " + e.getMessage())
                    .importedFrom(new ImportSource(null, names(files), null));
            return new Outcome(result, files, e.getMessage(), null);
        }
    }

    /** Reads one file in the given format, or the one its content shows. */
    public static FileRecording read(Path file, ImportFormat format, long unitNanos) {
        ImportFormat actual = format != null ? format : ImportFormat.detect(file);
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file + ": no such file");
        }
        return switch (actual) {
            case JMETER_CSV -> JtlCsvReader.read(file);
            case JMETER_XML -> JtlXmlReader.read(file);
            case HDR_LOG -> HdrLogReader.read(file, unitNanos);
            case K6_JSON -> K6JsonReader.read(file);
            case K6_SUMMARY -> ReportedStatistics.readK6Summary(file);
            case GATLING_STATS -> ReportedStatistics.readGatlingStats(file);
        };
    }

    /** A path, or a glob ({@code *}, {@code **}, {@code ?}) matched from its fixed leading directories. */
    static List<Path> resolve(Path projectDirectory, String pattern) {
        String normalized = pattern.strip().replace('\\', '/');
        if (!normalized.matches(".*[*?\\[{].*")) {
            return List.of(projectDirectory.resolve(normalized).normalize());
        }
        String[] segments = normalized.split("/");
        StringBuilder fixed = new StringBuilder();
        for (String segment : segments) {
            if (segment.matches(".*[*?\\[{].*")) {
                break;
            }
            fixed.append(segment).append('/');
        }
        Path root = projectDirectory.resolve(fixed.toString()).normalize();
        Path absolute = projectDirectory.resolve(normalized).normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute.toString().replace("\\", "\\\\"));
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().forEach(matches::add);
            } catch (IOException e) {
                throw new ImportException(root + ": cannot list: " + e.getMessage(), e);
            }
        }
        if (matches.isEmpty()) {
            throw new ImportException("no file matches '" + pattern + "' (looked in " + root + ")");
        }
        return matches;
    }

    /** Files with only an engine's statistics support gates on exactly the latency figures it reports. */
    private static void checkReported(ImportDefinition definition, List<FileRecording> recordings) {
        for (FileRecording recording : recordings) {
            if (!recording.aggregated()) {
                continue;
            }
            for (GateDeclaration gate : definition.gates()) {
                if (gate.type().orElse(null) != GateType.LATENCY) {
                    continue;
                }
                for (String attribute : gate.bounds().keySet()) {
                    if (!recording.reported().contains(attribute)) {
                        throw new ImportException(recording.file() + " holds only " + recording.engine()
                                + "'s own statistics, which report " + new java.util.TreeSet<>(recording.reported()) + " but not " + attribute
                                + " (latency gate on " + gate.declaredOn() + "); gate one of those, or import"
                                + " request-level data");
                    }
                }
            }
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    /**
     * Per label and overall: count, errors, mean, p90, p95, p99 (the figures JMeter's dashboard shows too); for a file
     * of an engine's own statistics, only the figures it reports, so no line shows a figure the engine did not give.
     */
    private static String summary(ImportDefinition definition, ImportMerge merge, FileRecording aggregated) {
        StringBuilder text = new StringBuilder("import '" + definition.name() + "': "
                + QuantityKind.RATE.format(merge.throughput()) + " ok\n");
        line(text, "overall", merge.overall(), aggregated);
        for (Map.Entry<String, Measurement> label : merge.labels().entrySet()) {
            line(text, label.getKey(), label.getValue(), aggregated);
        }
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, String name, Measurement measurement, FileRecording aggregated) {
        text.append(String.format(Locale.ROOT, "  %s: %d samples, %d errors %s", name, measurement.invocations(),
                measurement.errors(), measurement.errorsByKind()));
        if (measurement.latencyHistogram() != null) {
            LatencyHistogram latency = LatencyHistogram.decode(measurement.latencyHistogram());
            if (aggregated == null) {
                text.append(String.format(Locale.ROOT, "; mean %.3f ms, p90 %.3f ms, p95 %.3f ms, p99 %.3f ms",
                        latency.mean() / 1e6, latency.valueAtQuantile(0.90) / 1e6, latency.valueAtQuantile(0.95) / 1e6,
                        latency.valueAtQuantile(0.99) / 1e6));
            } else {
                StringBuilder figures = new StringBuilder();
                for (String attribute : List.of("p50", "p90", "p95", "p99")) {
                    if (aggregated.reported().contains(attribute)) {
                        double quantile = Integer.parseInt(attribute.substring(1)) / 100.0;
                        figures.append(String.format(Locale.ROOT, ", %s %.3f ms", attribute,
                                latency.valueAtQuantile(quantile) / 1e6));
                    }
                }
                if (aggregated.reported().contains("max")) {
                    figures.append(String.format(Locale.ROOT, ", max %.3f ms", latency.max() / 1e6));
                }
                text.append(';').append(figures.substring(1)).append(" (").append(aggregated.engine())
                        .append("'s own figures)");
            }
        }
        text.append('\n');
    }
}
