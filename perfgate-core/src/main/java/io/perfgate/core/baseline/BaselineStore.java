package io.perfgate.core.baseline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.regression.MetricSelection;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.Replicates;
import io.perfgate.core.result.AtomicFiles;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The project's baseline store, {@code .perfgate/} by default and meant to be committed: one file per
 * test under {@code baselines/} (named from a hash of the test's id, like result files) and the run
 * history under {@code history/}. Files are written atomically; an existing file that cannot be read
 * (corrupt, or of a newer schema) is never replaced unless forced.
 */
public final class BaselineStore {
    /** The store's default location, relative to the project directory. */
    public static final String DEFAULT_DIRECTORY = ".perfgate";

    private final Path root;

    public BaselineStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path baselineDirectory() {
        return root.resolve("baselines");
    }

    public HistoryStore history() {
        return new HistoryStore(root.resolve("history"));
    }

    /** The file a test's baseline is kept in. */
    public Path fileFor(String testId) {
        return ResultFiles.fileFor(baselineDirectory(), testId);
    }

    /** The baseline of one test; empty when none was recorded. */
    public Optional<TestBaseline> read(String testId) {
        Path file = fileFor(testId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(readFile(file));
    }

    /**
     * Every baseline in the store, and a problem for each file that cannot be used. An absent store
     * holds none.
     */
    public Baselines readAll() {
        Map<String, TestBaseline> baselines = new LinkedHashMap<>();
        List<BaselineFileException> problems = new ArrayList<>();
        Path directory = baselineDirectory();
        if (!Files.isDirectory(directory)) {
            return new Baselines(false, Map.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BaselineFileException(directory, "cannot list baselines: " + e.getMessage(), e);
        }
        for (Path file : files) {
            try {
                TestBaseline baseline = readFile(file);
                baselines.put(baseline.id(), baseline);
            } catch (BaselineFileException e) {
                problems.add(e);
            }
        }
        return new Baselines(true, baselines, problems);
    }

    /**
     * Reads one baseline file.
     *
     * @throws BaselineFileException naming the file, when it is unreadable, not a perfgate baseline, or
     *                               of a newer major schema version
     */
    public static TestBaseline readFile(Path file) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new BaselineFileException(file, "the baseline is corrupt (" + e.getOriginalMessage()
                    + "); restore it from version control (git checkout -- " + file + ") or delete it and record"
                    + " a new baseline (mvn verify perfgate:baseline)", e);
        } catch (IOException e) {
            throw new BaselineFileException(file, "cannot read the baseline: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.hasNonNull("schemaVersion") || !tree.hasNonNull("id")) {
            throw new BaselineFileException(file, "not a perfgate baseline (no schemaVersion or id); restore it from"
                    + " version control or delete it and record a new baseline (mvn verify perfgate:baseline)", null);
        }
        String version = tree.get("schemaVersion").asText();
        int major;
        try {
            major = Integer.parseInt(version.split("\\.", 2)[0]);
        } catch (NumberFormatException e) {
            throw new BaselineFileException(file, "unreadable baseline schema version '" + version + "'", e);
        }
        if (major > TestBaseline.SCHEMA_MAJOR) {
            throw new BaselineFileException(file, "the baseline has schema version " + version
                    + ", newer than this perfgate reads (" + TestBaseline.SCHEMA_VERSION
                    + "); upgrade the perfgate plugin. The file is left untouched", null);
        }
        try {
            return Json.mapper().treeToValue(tree, TestBaseline.class);
        } catch (JacksonException e) {
            throw new BaselineFileException(file, "not a valid perfgate baseline: " + e.getOriginalMessage()
                    + "; restore it from version control or delete it and record a new baseline", e);
        }
    }

    /**
     * Records the completed results as the baseline of their tests. Every existing baseline file is
     * checked before anything is written: one that cannot be read stops the recording (nothing written)
     * unless {@code force} is set.
     */
    public RecordSummary record(List<TestResult> results, SourceVersion version, String profile, Instant now,
                                boolean force) {
        List<TestBaseline> toWrite = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (TestResult result : results) {
            if (result.status() != ResultStatus.COMPLETED) {
                skipped.add(result.label() + ": " + (result.status() == ResultStatus.SKIPPED
                        ? "skipped" : "did not complete") + "; its previous baseline, if any, is kept");
                continue;
            }
            String unclean = notMeasuredCleanly(result);
            if (unclean != null) {
                skipped.add(result.label() + ": " + unclean + "; its previous baseline, if any, is kept; record the"
                        + " baseline on a quieter machine");
                continue;
            }
            Map<String, BaselineMetric> metrics = Map.of();
            Map<String, Map<String, BaselineMetric>> endpoints = new LinkedHashMap<>();
            List<String> unusable = new ArrayList<>();
            for (ComparedUnit unit : ComparedUnit.of(result)) {
                Map<String, BaselineMetric> values = new LinkedHashMap<>();
                for (Map.Entry<RegressionMetric, Replicates> entry
                        : MetricSelection.replicates(result, unit.measurement(), unit.scope()).entrySet()) {
                    if (entry.getValue().usable()) {
                        values.put(entry.getKey().label(), BaselineMetric.of(entry.getValue(), now, version.commit()));
                    } else {
                        unusable.add((unit.scope() == null ? "" : "[" + unit.scope() + "] ") + entry.getKey().label()
                                + " (" + entry.getValue().problem() + ")");
                    }
                }
                if (unit.scope() == null) {
                    metrics = values;
                } else if (!values.isEmpty()) {
                    endpoints.put(unit.scope(), values);
                }
            }
            if (metrics.isEmpty() && endpoints.isEmpty()) {
                skipped.add(result.label() + ": no replicate values to compare"
                        + (unusable.isEmpty() ? " (no rounds were recorded)" : ": " + String.join(", ", unusable)));
                continue;
            }
            Path file = fileFor(result.id());
            List<Acceptance> acceptances = List.of();
            if (Files.exists(file)) {
                try {
                    acceptances = readFile(file).acceptances();
                } catch (BaselineFileException e) {
                    if (!force) {
                        throw new BaselineFileException(file, e.problem() + ". Nothing was recorded; to replace it anyway:"
                                + " -Dperfgate.baseline.force=true", e.getCause());
                    }
                }
            }
            Fingerprint fingerprint = Fingerprint.of(result.environment(), version, profileOf(result, profile), now);
            toWrite.add(new TestBaseline(TestBaseline.SCHEMA_VERSION, result.id(), result.label(), result.kind().fileName(),
                    fingerprint, metrics, endpoints, result, acceptances));
        }
        List<Path> written = new ArrayList<>();
        for (TestBaseline baseline : toWrite) {
            written.add(write(baseline));
        }
        return new RecordSummary(written, toWrite.stream().map(TestBaseline::label).toList(), skipped);
    }

    /**
     * Why a result's rounds cannot become a baseline: a busy machine left it short of clean rounds, and a baseline
     * on the few it kept would judge every later build by luck, or made a JMH benchmark's threads wait beyond the
     * share allowed; or JMH measured a benchmark whose score was still
     * changing. Null when it was measured cleanly.
     */
    private static String notMeasuredCleanly(TestResult result) {
        Contention contention = result.measurement() == null ? null : result.measurement().contention();
        if (contention != null && (contention.unresolved() || contention.beyondAllowed())) {
            return "not measured cleanly (" + contention.waitText() + ")";
        }
        String warming = result.benchmark() == null ? null : result.benchmark().stillWarming();
        return warming == null ? null : "measured by JMH before it reached steady state (" + warming + ")";
    }

    /**
     * Accepts the current value of one metric of one test (or of one endpoint of a load test) as its new
     * baseline, recording why.
     *
     * @param unit the test's measurement or endpoint, from {@link ComparedUnit#of}
     * @throws BaselineFileException when the test has no readable baseline, or the current run cannot be
     *                               compared fairly with it
     * @throws IllegalArgumentException when the metric has no usable replicate values in the current result
     */
    public TestBaseline accept(ComparedUnit unit, String metricLabel, String reason, SourceVersion version,
                               String profile, Instant now) {
        TestResult current = unit.result();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("accepting " + unit.label() + ":" + metricLabel
                    + " needs a reason: -Dperfgate.reason=\"why\"");
        }
        Path file = fileFor(current.id());
        if (!Files.exists(file)) {
            throw new BaselineFileException(file, current.label() + " has no baseline to accept a change into;"
                    + " record one first (mvn verify perfgate:baseline)", null);
        }
        TestBaseline existing = readFile(file);
        Fingerprint fingerprint = Fingerprint.of(current.environment(), version, profileOf(current, profile), now);
        List<String> unfair = fingerprint.unfairness(existing.fingerprint());
        if (!unfair.isEmpty()) {
            throw new BaselineFileException(file, "cannot accept " + unit.label() + ":" + metricLabel
                    + " from a run that does not compare fairly with its baseline (" + String.join("; ", unfair)
                    + "); record the whole baseline in this environment instead (mvn verify perfgate:baseline)", null);
        }
        String unclean = notMeasuredCleanly(current);
        if (unclean != null) {
            throw new IllegalArgumentException(unit.label() + ":" + metricLabel + " cannot be accepted: it was "
                    + unclean + "; accept it from a build on a quieter machine");
        }
        // the replicates the comparison used: a page's Lighthouse runs, or the rounds (merged for a gated percentile)
        Map<RegressionMetric, Replicates> offered = MetricSelection.replicates(current, unit.measurement(),
                unit.scope());
        RegressionMetric metric = offered.keySet().stream()
                .filter(candidate -> candidate.label().equals(metricLabel))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(unit.label() + " has no metric '" + metricLabel
                        + "' to accept; it has " + offered.keySet().stream().map(RegressionMetric::label).toList()));
        Replicates replicates = offered.get(metric);
        if (!replicates.usable()) {
            throw new IllegalArgumentException(unit.label() + ":" + metricLabel + " cannot be accepted: "
                    + replicates.problem());
        }
        Map<String, BaselineMetric> metrics = new LinkedHashMap<>(existing.metricsOf(unit.scope()));
        BaselineMetric previous = metrics.get(metricLabel);
        BaselineMetric accepted = BaselineMetric.of(replicates, now, version.commit());
        metrics.put(metricLabel, accepted);
        List<Acceptance> acceptances = new ArrayList<>(existing.acceptances());
        String name = unit.scope() == null ? metricLabel : "[" + unit.scope() + "] " + metricLabel;
        acceptances.add(new Acceptance(name, reason.strip(), now, version.commit(),
                previous == null ? null : median(previous.array()), median(accepted.array())));
        TestBaseline updated = existing.withMetrics(unit.scope(), metrics, acceptances);
        write(updated);
        return updated;
    }

    /** Accepts a metric of the test's own measurement; see {@link #accept(ComparedUnit, String, String, SourceVersion, String, Instant)}. */
    public TestBaseline accept(TestResult current, String metricLabel, String reason, SourceVersion version,
                               String profile, Instant now) {
        ComparedUnit unit = new ComparedUnit(current, current.id(), current.label(), null, current.measurement());
        return accept(unit, metricLabel, reason, version, profile, now);
    }

    private Path write(TestBaseline baseline) {
        Path file = fileFor(baseline.id());
        try {
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(baseline));
        } catch (JacksonException e) {
            throw new BaselineFileException(file, "cannot serialize the baseline: " + e.getMessage(), e);
        }
        return file;
    }

    private static String profileOf(TestResult result, String profile) {
        if (profile != null) {
            return profile;
        }
        return result.workload() == null ? null : result.workload().profile();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /**
     * The baselines found in the store.
     *
     * @param present  whether the store has a baselines directory at all
     * @param byTestId readable baselines by test id
     * @param problems files that cannot be used, each naming the file and the fix
     */
    public record Baselines(boolean present, Map<String, TestBaseline> byTestId, List<BaselineFileException> problems) {
        public Baselines {
            byTestId = Map.copyOf(byTestId);
            problems = List.copyOf(problems);
        }
    }

    /**
     * What {@link #record} did.
     *
     * @param files   baseline files written
     * @param tests   labels of the tests recorded
     * @param skipped labels with the reason they were not recorded
     */
    public record RecordSummary(List<Path> files, List<String> tests, List<String> skipped) {
        public RecordSummary {
            files = List.copyOf(files);
            tests = List.copyOf(tests);
            skipped = List.copyOf(skipped);
        }
    }
}
