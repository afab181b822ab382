package io.perfgate.core.baseline;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.profile.ProfileDiff;
import io.perfgate.core.regression.ComparisonInput;
import io.perfgate.core.regression.DetectionLimit;
import io.perfgate.core.regression.JvmSpread;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.ContendedRegressions;
import io.perfgate.core.regression.MetricSelection;
import io.perfgate.core.regression.RegressionDetector;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.regression.RegressionPolicy;
import io.perfgate.core.regression.Replicates;
import io.perfgate.core.regression.RunToRunNoise;
import io.perfgate.core.regression.Uncompared;
import io.perfgate.core.regression.Undecided;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestLabels;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.trend.TrendAnalyzer;
import io.perfgate.core.trend.TrendFinding;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares a build's results with the project's baseline store: the regression check, the history
 * behind it, and the run kept for the history. Knows nothing of Maven; {@code check} configures it.
 */
public final class BaselineComparator {

    /**
     * How comparisons are made and kept.
     *
     * @param policy           allowed changes, confidence, correction, replicate cap
     * @param metrics          the metrics compared when the results have them
     * @param level            level of a regression whose test declares no gate of the metric's type
     * @param trendLevel       level of trend alerts (WARNING by default)
     * @param recordHistory    whether this run is kept in the history
     * @param historyMaxAge    runs older than this are pruned
     * @param historyMaxRuns   at most this many runs are kept
     * @param historyWindow    at most this many latest runs are analysed for trends
     */
    public record Settings(RegressionPolicy policy, Set<RegressionMetric> metrics, Level level, Level trendLevel,
                           boolean recordHistory, Duration historyMaxAge, int historyMaxRuns, int historyWindow) {

        /**
         * p50, p95, p99, mean, throughput, JMH scores and every Lighthouse metric; BLOCKING regressions, WARNING
         * trends; 30 days / 200 runs.
         */
        public static Settings defaults() {
            return new Settings(RegressionPolicy.defaults(), Set.of(RegressionMetric.P50, RegressionMetric.P95,
                    RegressionMetric.P99, RegressionMetric.MEAN, RegressionMetric.THROUGHPUT,
                    RegressionMetric.SCORE_TIME, RegressionMetric.SCORE_RATE, RegressionMetric.FCP, RegressionMetric.LCP,
                    RegressionMetric.CLS, RegressionMetric.TBT, RegressionMetric.SPEED_INDEX, RegressionMetric.TTI,
                    RegressionMetric.PERFORMANCE_SCORE, RegressionMetric.TOTAL_BYTES, RegressionMetric.SCRIPT_BYTES,
                    RegressionMetric.REQUESTS), Level.BLOCKING, Level.WARNING, true, Duration.ofDays(30), 200, 60);
        }

        public Settings withPolicy(RegressionPolicy value) {
            return new Settings(value, metrics, level, trendLevel, recordHistory, historyMaxAge, historyMaxRuns,
                    historyWindow);
        }

        public Settings withMetrics(Set<RegressionMetric> value) {
            return new Settings(policy, Set.copyOf(value), level, trendLevel, recordHistory, historyMaxAge,
                    historyMaxRuns, historyWindow);
        }

        public Settings withLevels(Level regressions, Level trends) {
            return new Settings(policy, metrics, regressions, trends, recordHistory, historyMaxAge, historyMaxRuns,
                    historyWindow);
        }

        public Settings withHistory(boolean record, Duration maxAge, int maxRuns) {
            return new Settings(policy, metrics, level, trendLevel, record, maxAge, maxRuns, historyWindow);
        }
    }

    private final BaselineStore store;
    private final Settings settings;

    public BaselineComparator(BaselineStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Compares every completed result that has a baseline, analyses the history, and (when enabled)
     * writes this run to the history and prunes it.
     *
     * @param version the code version being built
     * @param profile the perfgate profile of this build; null to take it from the results
     */
    public BaselineComparison compare(List<TestResult> results, SourceVersion version, String profile, Instant now) {
        BaselineStore.Baselines baselines = store.readAll();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        baselines.problems().forEach(problem -> problems.add(problem.getMessage()));
        HistoryStore.Runs history = store.history().readAll();
        if (!baselines.present()) {
            // nothing to compare with, and the history is kept only once the project keeps baselines
            return new BaselineComparison(false, List.of(), List.of(), settings.trendLevel(), problems, notes,
                    history.problems(), null, null);
        }

        RegressionDetector detector = new RegressionDetector(settings.policy());
        Uncompared uncompared = new Uncompared(settings.policy());
        List<ComparisonInput> inputs = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        List<TrendJob> trendJobs = new ArrayList<>();
        List<HistoryRun.Test> thisRun = new ArrayList<>();
        Fingerprint runFingerprint = null;
        Function<TestResult, String> labels = TestLabels.distinct(results);
        ContendedRegressions contended = new ContendedRegressions();
        Set<String> withoutBaseline = new LinkedHashSet<>(); // a test once, however many units it has
        for (TestResult result : results) {
            if (result.status() != ResultStatus.COMPLETED) {
                continue;
            }
            Fingerprint current = Fingerprint.of(result.environment(), version, profileOf(result, profile), now);
            runFingerprint = runFingerprint == null || !runFingerprint.timedInJvm() ? current : runFingerprint;
            TestBaseline baseline = baselines.byTestId().get(result.id());
            List<String> unfair = baseline == null ? List.of() : current.unfairness(baseline.fingerprint());
            List<HistoryRun> comparable = comparableRuns(history.runs(), current);
            ProfileDiff profileDiff = baseline == null ? null : profileDiff(baseline, result);
            for (ComparedUnit unit : ComparedUnit.of(result, labels.apply(result))) {
                Map<RegressionMetric, Replicates> replicates = MetricSelection.replicates(result, unit.measurement(),
                        unit.scope());
                Contention contention = unit.measurement() == null ? null : unit.measurement().contention();
                boolean noCleanRound = contention != null && contention.noCleanRound();
                if (replicates.isEmpty() && !(baselines.present() && noCleanRound)) {
                    continue;
                }
                if (!replicates.isEmpty()) {
                    thisRun.add(historyEntry(unit, replicates));
                }
                if (baseline == null) {
                    if (baselines.present()) { // with or without a clean round: nothing to compare with
                        withoutBaseline.add(labels.apply(result));
                    }
                    continue;
                }
                if (replicates.isEmpty()) {
                    slots.addAll(withoutCleanRound(uncompared, result, unit, baseline, contention));
                    continue;
                }
                Map<String, BaselineMetric> baseMetrics = baseline.metricsOf(unit.scope());
                BaselineMetric baseCpu = baseMetrics.get(RegressionMetric.CPU_MEAN.label());
                contended.note(unit.id(), unit.measurement(), baseCpu == null ? null : baseCpu.array(),
                        replicates.get(RegressionMetric.CPU_MEAN));
                Set<RegressionMetric> gated = MetricSelection.gated(result, unit.scope());
                String warming = result.benchmark() == null ? null : result.benchmark().stillWarming();
                for (Map.Entry<RegressionMetric, Replicates> entry : replicates.entrySet()) {
                    RegressionMetric metric = entry.getKey();
                    BaselineMetric base = baseMetrics.get(metric.label());
                    Replicates measured = entry.getValue();
                    if (warming != null && base != null && metric.jmhScore()) {
                        // a score still changing is no level: compared, it would call the JIT's progress a change
                        slots.add(new Slot(-1, uncompared.because(unit.id(), unit.label(), metric,
                                base.values().size(), measured.values().length, describe(base, baseline.fingerprint()),
                                Undecided.STILL_WARMING, "JMH measured the benchmark before it reached steady state ("
                                        + warming + "); " + BenchmarkDetails.WARMUP_FIX),
                                levelOf(result, unit.scope(), metric), null));
                        continue;
                    }
                    if (gated.contains(metric) && (base == null || !measured.usable())) {
                        // a metric a gate names never drops out unnoticed: it is counted as INCONCLUSIVE, with why
                        String why = GatedMetrics.whyNotComparable(metric, base, baseline, unit.scope(), measured);
                        slots.add(new Slot(-1, uncompared.gated(unit.id(), unit.label(), metric,
                                base == null ? 0 : base.values().size(), measured.values().length,
                                describe(base, baseline.fingerprint()), why), levelOf(result, unit.scope(), metric),
                                null));
                        continue;
                    }
                    if (!(compared(metric, result) || gated.contains(metric)) || base == null) {
                        continue;
                    }
                    double[] currentValues = measured.usable() ? measured.values() : new double[0];
                    if (!measured.usable()) {
                        notes.add(unit.label() + ": " + metric.label() + " cannot be compared: " + measured.problem());
                    }
                    double[] pooled = pool(currentValues, comparable, unit.id(), metric, version, baseline);
                    boolean atCap = pooled.length >= settings.policy().maxReplicates();
                    List<double[]> earlier = new ArrayList<>();
                    for (HistoryRun run : comparable) {
                        run.test(unit.id()).map(test -> test.values(metric.label()))
                                .filter(values -> values.length > 0).ifPresent(earlier::add);
                    }
                    double runToRun = RunToRunNoise.sd(earlier, metric);
                    // from the values of this run alone: pooled reruns carry no JVM marks; Lighthouse runs (the
                    // absolute metrics) come from no JVM
                    JvmSpread spread = metric.absolute() ? null
                            : JvmSpread.of(base.array(), base.jvmArray(), currentValues, measured.jvms());
                    inputs.add(new ComparisonInput(unit.id(), unit.label(), metric, base.array(), pooled,
                            describe(base, baseline.fingerprint()), unfair, atCap, runToRun, spread));
                    slots.add(new Slot(inputs.size() - 1, null, levelOf(result, unit.scope(), metric),
                            unit.scope() == null ? profileDiff : null));
                    if (measured.usable() && unfair.isEmpty()) {
                        trendJobs.add(new TrendJob(unit, metric, comparable, currentValues, base, now, version));
                    }
                }
            }
        }
        if (!withoutBaseline.isEmpty()) {
            notes.add(0, withoutBaseline.size() == 1
                    ? withoutBaseline.iterator().next() + " has no baseline yet; it is compared once one is recorded"
                            + " (mvn verify perfgate:baseline)"
                    : withoutBaseline.size() + " tests have no baseline yet (" + String.join(", ", withoutBaseline)
                            + "); they are compared once one is recorded (mvn verify perfgate:baseline)");
        }
        Set<String> present = Set.copyOf(results.stream().map(TestResult::id).toList());
        baselines.byTestId().values().stream()
                .filter(baseline -> !present.contains(baseline.id()))
                .forEach(baseline -> notes.add(baseline.label() + " has a baseline but no result in this run"
                        + " (removed, renamed, or not run?); its baseline file is " + store.fileFor(baseline.id())));
        List<MetricComparison> detected = detector.compare(inputs);
        List<MetricComparison> compared = new ArrayList<>();
        List<BaselineComparison.Compared> leveled = new ArrayList<>();
        for (Slot slot : slots) {
            MetricComparison comparison = contended.review(
                    slot.input() >= 0 ? detected.get(slot.input()) : slot.fixed());
            compared.add(comparison);
            leveled.add(new BaselineComparison.Compared(comparison, slot.level(),
                    comparison.outcome() == RegressionOutcome.REGRESSED ? slot.profileDiff() : null));
        }
        TrendAnalyzer analyzer = TrendAnalyzer.defaults(settings.policy());
        List<TrendFinding> trends = new ArrayList<>();
        for (TrendJob job : trendJobs) {
            trends.add(job.analyze(analyzer, settings.historyWindow()));
        }
        Path written = null;
        for (int i = 0; i < thisRun.size(); i++) {
            HistoryRun.Test entry = thisRun.get(i);
            List<String> undecided = compared.stream()
                    .filter(c -> c.testId().equals(entry.id()) && c.outcome() == RegressionOutcome.INCONCLUSIVE
                            && c.unfairBecause().isEmpty())
                    .map(c -> c.metric().label()).toList();
            thisRun.set(i, entry.withUndecided(undecided));
        }
        // the history is kept once the project keeps baselines, so builds without them leave no files behind
        if (settings.recordHistory() && baselines.present() && runFingerprint != null && !thisRun.isEmpty()) {
            written = store.history().write(new HistoryRun(HistoryRun.SCHEMA_VERSION, runFingerprint, thisRun));
            store.history().prune(settings.historyMaxAge(), settings.historyMaxRuns(), now);
        }
        return new BaselineComparison(baselines.present(), leveled, trends, settings.trendLevel(), problems, notes,
                history.problems(), written, DetectionLimit.of(compared, detector).orElse(null));
    }

    /**
     * A comparison's place in the output: made by the detector (its input's index) or fixed beforehand; with the
     * test's profile against its baseline's, to explain a regression.
     */
    private record Slot(int input, MetricComparison fixed, Level level, ProfileDiff profileDiff) {
    }

    /**
     * INCONCLUSIVE comparisons for a unit whose every round waited too long for a CPU: the metrics its gates name,
     * or its p50 when they name none, so the test is named in the output instead of silently left out.
     */
    private List<Slot> withoutCleanRound(Uncompared uncompared, TestResult result, ComparedUnit unit,
                                         TestBaseline baseline, Contention contention) {
        Set<RegressionMetric> metrics = MetricSelection.gated(result, unit.scope());
        Map<String, BaselineMetric> baseMetrics = baseline == null ? Map.of() : baseline.metricsOf(unit.scope());
        List<Slot> slots = new ArrayList<>();
        for (RegressionMetric metric : metrics.isEmpty() ? Set.of(RegressionMetric.P50) : metrics) {
            BaselineMetric base = baseMetrics.get(metric.label());
            slots.add(new Slot(-1, uncompared.because(unit.id(), unit.label(), metric,
                    base == null ? 0 : base.values().size(), 0,
                    baseline == null ? null : describe(base, baseline.fingerprint()), Undecided.NO_CLEAN_ROUND,
                    "no round of this run was measured cleanly (" + contention.waitText() + "); "
                            + Contention.RERUN_FIX), levelOf(result, unit.scope(), metric), null));
        }
        return slots;
    }

    /** The test's profile against the one its baseline was recorded with; null when either has none. */
    private static ProfileDiff profileDiff(TestBaseline baseline, TestResult result) {
        if (baseline.result() == null || baseline.result().measurement() == null || result.measurement() == null) {
            return null;
        }
        return ProfileDiff.of(baseline.result().measurement().profile(), result.measurement().profile()).orElse(null);
    }

    private boolean compared(RegressionMetric metric, TestResult result) {
        if (!settings.metrics().contains(metric)) {
            return false;
        }
        if (metric == RegressionMetric.THROUGHPUT) {
            // For a JUnit test throughput is 1 / mean latency times threads: only compared when it is declared or measured under load.
            return result.kind() == ResultKind.LOAD || result.gates().stream()
                    .anyMatch(gate -> gate.is(GateType.THROUGHPUT));
        }
        return true;
    }

    /**
     * The level of the test's gate for the metric's type (for an endpoint, its scoped gate first); the
     * configured level when it declares none.
     */
    private Level levelOf(TestResult result, String scope, RegressionMetric metric) {
        if (metric.gateType() != null) {
            for (String wanted : scope == null ? new String[] {null} : new String[] {scope, null}) {
                for (GateDeclaration gate : result.gates()) {
                    if (gate.is(metric.gateType()) && Objects.equals(wanted, gate.scope())) {
                        return gate.level();
                    }
                }
            }
        } else if (!result.gates().isEmpty()) {
            return result.gates().get(0).level();
        }
        return settings.level();
    }

    /** Earlier runs whose environment compares fairly with the current one, oldest first. */
    private static List<HistoryRun> comparableRuns(List<HistoryRun> runs, Fingerprint current) {
        return runs.stream()
                .filter(run -> current.unfairness(run.fingerprint()).isEmpty())
                .toList();
    }

    /**
     * The current values plus those of the runs just before it at the same clean commit (after the
     * baseline) whose comparison of this metric was undecided: rerunning an INCONCLUSIVE build adds
     * replicates, up to the cap. A decided run at the commit ends the chain, so a run is never pooled with
     * one that already had a verdict (which might have measured other code, through a system property).
     */
    private double[] pool(double[] current, List<HistoryRun> comparable, String testId, RegressionMetric metric,
                          SourceVersion version, TestBaseline baseline) {
        if (version == null || version.commit() == null || !Boolean.FALSE.equals(version.dirty())) {
            return current;
        }
        int cap = settings.policy().maxReplicates();
        double[] pooled = current;
        for (int i = comparable.size() - 1; i >= 0 && pooled.length < cap; i--) {
            HistoryRun run = comparable.get(i);
            Fingerprint fingerprint = run.fingerprint();
            boolean sameCommit = Objects.equals(version.commit(), fingerprint.commit())
                    && Boolean.FALSE.equals(fingerprint.dirty());
            boolean afterBaseline = baseline.fingerprint().recordedAt() == null || fingerprint.recordedAt() == null
                    || fingerprint.recordedAt().isAfter(baseline.fingerprint().recordedAt());
            if (!sameCommit || !afterBaseline) {
                break;
            }
            HistoryRun.Test test = run.test(testId).orElse(null);
            if (test == null || !test.undecided().contains(metric.label())) {
                break;
            }
            double[] earlier = test.values(metric.label());
            int take = Math.min(earlier.length, cap - pooled.length);
            double[] joined = Arrays.copyOf(pooled, pooled.length + take);
            System.arraycopy(earlier, 0, joined, pooled.length, take);
            pooled = joined;
        }
        return pooled;
    }

    private static HistoryRun.Test historyEntry(ComparedUnit unit, Map<RegressionMetric, Replicates> replicates) {
        Map<String, List<Double>> metrics = new LinkedHashMap<>();
        replicates.forEach((metric, values) -> {
            if (values.usable()) {
                metrics.put(metric.label(), Arrays.stream(values.values()).boxed().toList());
            }
        });
        return new HistoryRun.Test(unit.id(), unit.label(), metrics);
    }

    private static String describe(BaselineMetric metric, Fingerprint fingerprint) {
        if (metric != null && metric.commit() != null && !Objects.equals(metric.commit(), fingerprint.commit())) {
            return "commit " + metric.commit().substring(0, Math.min(7, metric.commit().length())) + ", accepted";
        }
        return fingerprint.commit() == null ? "recorded " + String.valueOf(fingerprint.recordedAt()).substring(0, 10)
                : "commit " + fingerprint.commit().substring(0, Math.min(7, fingerprint.commit().length()));
    }

    private static String profileOf(TestResult result, String profile) {
        if (profile != null) {
            return profile;
        }
        return result.workload() == null ? null : result.workload().profile();
    }
}
