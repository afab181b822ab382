package io.perfgate.core.baseline;

import io.perfgate.core.gate.Level;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineComparatorTest {
    private static final Instant RECORDED = Instant.parse("2024-05-01T10:00:00Z");
    private static final SourceVersion BASE = new SourceVersion("abc1234def", "main", false);
    private static final SourceVersion CHANGE = new SourceVersion("fed4321cba", "feature", false);

    @TempDir
    Path project;

    private BaselineStore store() {
        return new BaselineStore(project.resolve(".perfgate"));
    }

    private BaselineComparison compare(List<TestResult> results, SourceVersion version, Instant at) {
        return new BaselineComparator(store(), BaselineComparator.Settings.defaults())
                .compare(results, version, null, at);
    }

    private static MetricComparison of(BaselineComparison comparison, RegressionMetric metric) {
        return comparison.comparisons().stream().map(BaselineComparison.Compared::comparison)
                .filter(c -> c.metric() == metric).findFirst().orElseThrow();
    }

    @Test
    void withoutAStoreNothingIsComparedAndNothingFails() {
        BaselineComparison comparison = compare(List.of(Results.completed("create", 2e6)), CHANGE,
                RECORDED.plusSeconds(60));
        assertFalse(comparison.storePresent());
        assertTrue(comparison.comparisons().isEmpty());
        assertFalse(comparison.hasBlocking());
        assertNull(comparison.historyFile(), "without a store no history file is left behind");
        assertFalse(java.nio.file.Files.exists(project.resolve(".perfgate")));
    }

    @Test
    void aThirtyPercentSlowdownRegressesAndBlocksWithChangeAndInterval() {
        store().record(List.of(Results.completed("create", 2e6)), BASE, null, RECORDED, false);
        TestResult slower = Results.completed("create", 2.6e6, 10, 77, Results.ENVIRONMENT);

        BaselineComparison comparison = compare(List.of(slower), CHANGE, RECORDED.plusSeconds(3600));

        assertEquals(List.of(RegressionMetric.P50, RegressionMetric.P95, RegressionMetric.P99, RegressionMetric.MEAN),
                comparison.comparisons().stream().map(c -> c.comparison().metric()).toList(),
                "throughput is not compared for a JUnit test without a throughput gate");
        MetricComparison p95 = of(comparison, RegressionMetric.P95);
        assertEquals(RegressionOutcome.REGRESSED, p95.outcome(), p95.message());
        assertTrue(p95.message().matches("p95 \\+(2[89]|3[0-3])% \\[\\+[23][0-9]%, \\+3[0-9]%] vs baseline \\(commit abc1234\\)"
                + " exceeds the allowed \\+20% \\(OrderTest#create, 10 vs 10 replicates, p = .* after Holm over 4"
                + " comparisons\\).*"), p95.message());
        assertEquals(RegressionOutcome.UNCHANGED, of(comparison, RegressionMetric.P99).outcome(),
                "+30% is within p99's allowed +50%");
        assertTrue(comparison.hasBlocking());
        assertTrue(comparison.blockingMessages().contains(p95.message()));
        assertEquals(Level.BLOCKING, comparison.comparisons().get(0).level());
    }

    @Test
    void anUnchangedRebuildPassesAndIsNotPooledWithTheNextRun() {
        store().record(List.of(Results.completed("create", 2e6)), BASE, null, RECORDED, false);
        BaselineComparison first = compare(List.of(Results.completed("create", 2e6, 10, 501, Results.ENVIRONMENT)),
                CHANGE, RECORDED.plusSeconds(60));
        assertFalse(first.hasBlocking(), first.blockingMessages().toString());
        assertEquals(0, first.count(RegressionOutcome.REGRESSED));
        assertTrue(first.count(RegressionOutcome.UNCHANGED) >= 3, first.comparisons().toString());
        assertNotNull(first.historyFile());

        BaselineComparison second = compare(List.of(Results.completed("create", 2e6, 10, 502, Results.ENVIRONMENT)),
                CHANGE, RECORDED.plusSeconds(120));
        assertEquals(10, of(second, RegressionMetric.P95).currentReplicates(), "a decided run is never pooled");
        assertEquals(2, store().history().readAll().runs().size());
    }

    @Test
    void aRunOfPagesAndTestsKeepsTheJvmInItsHistoryWhicheverComesFirst() {
        store().record(List.of(Results.completed("create", 2e6), Results.completed("browse", 2e6)), BASE, null,
                RECORDED, false);
        // a result no JVM of perfgate's timed (a page, an import) first, as results are read in id order
        Environment machine = new Environment(null, null, null, "Linux", "amd64", 2, "Test CPU", 0, List.of(), false);
        compare(List.of(Results.completed("browse", 2e6, 10, 701, machine),
                Results.completed("create", 2e6, 10, 702, Results.ENVIRONMENT)), CHANGE, RECORDED.plusSeconds(60));

        Fingerprint run = store().history().readAll().runs().get(0).fingerprint();
        assertEquals("17.0.9", run.javaVersion(), "the tests' history compares JVM with JVM");
    }

    @Test
    void aRerunAtTheSameCommitAddsReplicatesToUndecidedMetricsOnly() {
        store().record(List.of(Results.completed("create", 2e6)), BASE, null, RECORDED, false);
        // about +20 %: p95 sits on its allowed +20 % (undecided), p50 and mean are beyond their +10 %
        BaselineComparison first = compare(List.of(Results.completed("create", 2.36e6, 10, 601, Results.ENVIRONMENT)),
                CHANGE, RECORDED.plusSeconds(60));
        assertEquals(RegressionOutcome.INCONCLUSIVE, of(first, RegressionMetric.P95).outcome(),
                of(first, RegressionMetric.P95).message());
        assertEquals(RegressionOutcome.REGRESSED, of(first, RegressionMetric.P50).outcome());
        assertEquals(List.of("p95"), store().history().readAll().runs().get(0).tests().get(0).undecided());

        BaselineComparison second = compare(List.of(Results.completed("create", 2.36e6, 10, 602, Results.ENVIRONMENT)),
                CHANGE, RECORDED.plusSeconds(120));
        assertEquals(20, of(second, RegressionMetric.P95).currentReplicates(), "the undecided run's rounds are pooled");
        assertEquals(10, of(second, RegressionMetric.P50).currentReplicates());

        BaselineComparison otherCommit = compare(List.of(Results.completed("create", 2.36e6, 10, 603,
                Results.ENVIRONMENT)), new SourceVersion("0000000", "x", false), RECORDED.plusSeconds(180));
        assertEquals(10, of(otherCommit, RegressionMetric.P95).currentReplicates());
        BaselineComparison dirty = compare(List.of(Results.completed("create", 2.36e6, 10, 604, Results.ENVIRONMENT)),
                new SourceVersion("0000000", "x", true), RECORDED.plusSeconds(240));
        assertEquals(10, of(dirty, RegressionMetric.P95).currentReplicates(), "uncommitted changes are never pooled");
    }

    @Test
    void aCoverageAgentMakesEveryComparisonInconclusiveAndNamesIt() {
        store().record(List.of(Results.completed("create", 2e6)), BASE, null, RECORDED, false);
        Environment covered = new Environment("17.0.9", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "Linux",
                "amd64", 2, "Test CPU", 1L << 30, List.of("-Xmx1g", "-javaagent:/m2/jacocoagent.jar=destfile=x"), false);
        BaselineComparison comparison = compare(List.of(Results.completed("create", 2.6e6, 10, 9, covered)), CHANGE,
                RECORDED.plusSeconds(60));
        assertEquals(comparison.comparisons().size(), comparison.count(RegressionOutcome.INCONCLUSIVE));
        assertFalse(comparison.hasBlocking());
        assertTrue(of(comparison, RegressionMetric.P95).message().contains(
                "is not a fair comparison: this run had: coverage agent jacocoagent.jar (-javaagent:/m2/jacocoagent.jar=destfile=x)"),
                of(comparison, RegressionMetric.P95).message());
        assertTrue(comparison.trends().isEmpty(), "distorted runs are kept out of the trend");
    }

    @Test
    void aRegressionUnderAWarningGateWarnsWithoutBlocking() {
        TestResult base = Results.completed("create", 2e6);
        TestResult warningGate = withLevel(base, Level.WARNING);
        store().record(List.of(warningGate), BASE, null, RECORDED, false);
        TestResult slower = withLevel(Results.completed("create", 2.6e6, 10, 77, Results.ENVIRONMENT), Level.WARNING);
        BaselineComparison comparison = compare(List.of(slower), CHANGE, RECORDED.plusSeconds(60));
        assertEquals(RegressionOutcome.REGRESSED, of(comparison, RegressionMetric.P95).outcome());
        assertFalse(comparison.hasBlocking());
        assertTrue(comparison.warningMessages().contains(of(comparison, RegressionMetric.P95).message()));
    }

    @Test
    void aCorruptBaselineFailsTheCheckNamingTheFile() throws IOException {
        store().record(List.of(Results.completed("create", 2e6)), BASE, null, RECORDED, false);
        Path file = store().fileFor(Results.completed("create", 2e6).id());
        Files.writeString(file, "garbage");
        BaselineComparison comparison = compare(List.of(Results.completed("create", 2e6)), CHANGE,
                RECORDED.plusSeconds(60));
        assertTrue(comparison.hasBlocking());
        assertEquals(1, comparison.problems().size());
        assertTrue(comparison.problems().get(0).startsWith(file + ": the baseline is corrupt"), comparison.problems().get(0));
        assertEquals("garbage", Files.readString(file));
    }

    @Test
    void aCorruptHistoryFileIsAWarningNotANote() throws IOException {
        store().record(List.of(Results.completed("create", 2e6)), BASE, null, RECORDED, false);
        Path broken = store().history().directory().resolve("20240502T100000Z-broken-000000.json");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "{ not json");
        BaselineComparison comparison = compare(List.of(Results.completed("create", 2e6)), CHANGE,
                RECORDED.plusSeconds(60));
        assertFalse(comparison.hasBlocking(), "history is advisory");
        assertEquals(1, comparison.historyProblems().size(), comparison.historyProblems().toString());
        assertTrue(comparison.historyProblems().get(0).startsWith(broken + ": unreadable history run"),
                comparison.historyProblems().get(0));
        assertTrue(comparison.notes().stream().noneMatch(note -> note.contains("broken")), comparison.notes().toString());
    }

    @Test
    void aNewTestIsNotedNotFailed() {
        store().record(List.of(Results.completed("create", 2e6)), BASE, null, RECORDED, false);
        BaselineComparison comparison = new BaselineComparator(store(), BaselineComparator.Settings.defaults()
                .withHistory(false, java.time.Duration.ofDays(30), 100))
                .compare(List.of(Results.completed("refund", 2e6)), CHANGE, null, RECORDED.plusSeconds(60));
        assertFalse(comparison.hasBlocking());
        assertEquals(List.of("OrderTest#refund has no baseline yet; it is compared once one is recorded"
                + " (mvn verify perfgate:baseline)", "OrderTest#create has a baseline but no result in this run"
                + " (removed, renamed, or not run?); its baseline file is "
                + store().fileFor(Results.completed("create", 2e6).id())), comparison.notes());
        assertNull(comparison.historyFile());
    }

    @Test
    void testsWithoutBaselineAreNamedInOneNote() {
        store().record(List.of(Results.completed("create", 2e6)), BASE, null, RECORDED, false);
        BaselineComparison comparison = compare(List.of(Results.completed("create", 2e6),
                Results.completed("refund", 2e6), Results.completed("cancel", 2e6)), CHANGE, RECORDED.plusSeconds(60));
        assertEquals("2 tests have no baseline yet (OrderTest#refund, OrderTest#cancel); they are compared once one"
                + " is recorded (mvn verify perfgate:baseline)", comparison.notes().get(0));
    }

    @Test
    void aTestWithoutACleanRoundIsInconclusiveAndNamedNotLeftOut() {
        store().record(List.of(Results.completed("create", 2e6), Results.completed("refund", 2e6)), BASE, null,
                RECORDED, false);
        BaselineComparison comparison = compare(List.of(Results.withoutCleanRound("create"),
                Results.completed("refund", 2e6)), CHANGE, RECORDED.plusSeconds(60));

        List<MetricComparison> create = comparison.comparisons().stream().map(BaselineComparison.Compared::comparison)
                .filter(c -> c.testLabel().equals("OrderTest#create")).toList();
        assertEquals(List.of(RegressionMetric.P95), create.stream().map(MetricComparison::metric).toList(),
                "the metric its gate names");
        MetricComparison p95 = create.get(0);
        assertEquals(RegressionOutcome.INCONCLUSIVE, p95.outcome());
        assertEquals(io.perfgate.core.regression.Undecided.NO_CLEAN_ROUND, p95.undecided());
        assertEquals(10, p95.baselineReplicates());
        assertEquals("p95 of OrderTest#create is not compared with the baseline (commit abc1234): no round of this run"
                + " was measured cleanly (the measuring thread waited for a CPU 66% of the time in 20 rounds (beyond"
                + " the 10% allowed; 0 of 10 planned rounds measured cleanly before measuring stopped), machine load"
                + " 3.1 per core); rerun on a quieter machine, or compare against the base commit in one build"
                + " (mvn verify perfgate:compare)", p95.message());
        assertFalse(comparison.hasBlocking(), "a busy machine is no verdict on the code");
    }

    @Test
    void aTestWithoutACleanRoundAndNoBaselineIsNamedAmongTheTestsWithoutOne() {
        // a baseline recorded on a busy machine leaves such tests out; they had nothing to be compared with anyway
        store().record(List.of(Results.completed("refund", 2e6)), BASE, null, RECORDED, false);
        BaselineComparison comparison = compare(List.of(Results.withoutCleanRound("create"),
                Results.completed("refund", 2e6)), CHANGE, RECORDED.plusSeconds(60));
        assertTrue(comparison.comparisons().stream().noneMatch(c -> c.comparison().testLabel().equals("OrderTest#create")),
                "no INCONCLUSIVE comparison against a baseline that does not exist");
        assertEquals("OrderTest#create has no baseline yet; it is compared once one is recorded"
                + " (mvn verify perfgate:baseline)", comparison.notes().get(0));
    }

    @Test
    void eachEndpointOfALoadTestIsComparedOnItsOwn() {
        store().record(List.of(Results.load(Map.of("GET /orders", 2e6, "POST /orders", 5e6), 1)), BASE, null,
                RECORDED, false);
        TestBaseline baseline = store().read("load:orders.json").orElseThrow();
        assertEquals(List.of("GET /orders", "POST /orders"), List.copyOf(baseline.endpoints().keySet()));

        TestResult slowerGet = Results.load(Map.of("GET /orders", 2.6e6, "POST /orders", 5e6), 2);
        BaselineComparison comparison = compare(List.of(slowerGet), CHANGE, RECORDED.plusSeconds(60));
        MetricComparison getP95 = comparison.comparisons().stream().map(BaselineComparison.Compared::comparison)
                .filter(c -> c.testLabel().equals("orders.json [GET /orders]") && c.metric() == RegressionMetric.P95)
                .findFirst().orElseThrow();
        assertEquals(RegressionOutcome.REGRESSED, getP95.outcome(), getP95.message());
        assertTrue(getP95.message().startsWith("p95 +"), getP95.message());
        assertTrue(comparison.comparisons().stream().anyMatch(c -> c.comparison().metric() == RegressionMetric.THROUGHPUT),
                "throughput is compared for load results");
        assertTrue(comparison.comparisons().stream()
                .filter(c -> c.comparison().testLabel().equals("orders.json [POST /orders]"))
                .noneMatch(c -> c.comparison().outcome() == RegressionOutcome.REGRESSED));
        BaselineComparison.Compared throughput = comparison.comparisons().stream()
                .filter(c -> c.comparison().testLabel().equals("orders.json [GET /orders]")
                        && c.comparison().metric() == RegressionMetric.THROUGHPUT).findFirst().orElseThrow();
        assertEquals(Level.WARNING, throughput.level(), "the endpoint's own throughput gate sets the level");
    }

    @Test
    void aJmhBenchmarkComparesItsForksScoresAndThroughputModeRegressesWhenItFalls() {
        store().record(List.of(Results.benchmark(1e6, 10, 1)), BASE, null, RECORDED, false);
        BaselineComparison comparison = compare(List.of(Results.benchmark(0.7e6, 10, 2)), CHANGE,
                RECORDED.plusSeconds(60));
        assertEquals(List.of(RegressionMetric.SCORE_RATE),
                comparison.comparisons().stream().map(c -> c.comparison().metric()).toList());
        MetricComparison score = comparison.comparisons().get(0).comparison();
        assertEquals(RegressionOutcome.REGRESSED, score.outcome(), score.message());
        assertTrue(score.message().startsWith("score -30% ["), score.message());
        assertTrue(score.message().contains("exceeds the allowed -10%"), score.message());
        assertEquals(Level.BLOCKING, comparison.comparisons().get(0).level(), "no gate: the configured level");
    }

    @Test
    void aBenchmarkStillWarmingUpIsNeitherComparedNorRecorded() {
        store().record(List.of(Results.benchmark(1e6, 10, 1)), BASE, null, RECORDED, false);
        TestResult warming = stillWarming(Results.benchmark(0.7e6, 10, 2));

        MetricComparison score = compare(List.of(warming), CHANGE, RECORDED.plusSeconds(60)).comparisons().get(0)
                .comparison();

        assertEquals(RegressionOutcome.INCONCLUSIVE, score.outcome(), "a score still falling is no level");
        assertEquals(io.perfgate.core.regression.Undecided.STILL_WARMING, score.undecided());
        assertTrue(score.message().startsWith("score of ParseBench#parse is not compared with the baseline (commit"
                + " abc1234): JMH measured the benchmark before it reached steady state (measured iteration 1 of fork 1"
                + " scored 400,000 ops/s against 1,000,000 ops/s at worst after it); give it a longer warmup"),
                score.message());
        BaselineStore.RecordSummary recorded = store().record(List.of(warming), CHANGE, null,
                RECORDED.plusSeconds(120), false);
        assertEquals(List.of(), recorded.files(), "the steady baseline is kept");
        assertTrue(recorded.skipped().get(0).startsWith("ParseBench#parse: measured by JMH before it reached steady"
                + " state (measured iteration 1"), recorded.skipped().get(0));
    }

    private static TestResult stillWarming(TestResult benchmark) {
        io.perfgate.core.result.BenchmarkDetails d = benchmark.benchmark();
        return benchmark.withBenchmark(new io.perfgate.core.result.BenchmarkDetails(d.benchmark(), d.mode(), d.params(),
                d.threads(), d.forks(), d.warmupIterations(), d.warmupTime(), d.measurementIterations(),
                d.measurementTime(), d.score(), d.scoreError(), d.scoreUnit(), d.allocationPerOperation(),
                d.allocationError(), d.jmhVersion(), d.failure(), "measured iteration 1 of fork 1 scored 400,000 ops/s"
                + " against 1,000,000 ops/s at worst after it", d.allocationStillWarming(), 400_000.0));
    }

    private static TestResult withLevel(TestResult result, Level level) {
        GateDeclaration gate = new GateDeclaration("LatencyGate", level, false, "method OrderTest#create",
                Map.of("p95", "50ms"), null);
        return result.withGates(List.of(gate));
    }
}
