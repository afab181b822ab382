package io.perfgate.core.compare;

import io.perfgate.core.TestData;
import io.perfgate.core.gate.Level;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.regression.RegressionPolicy;
import io.perfgate.core.jmh.BenchmarkMode;
import io.perfgate.core.jmh.JmhResults;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.CpuTime;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareAnalysisTest {

    private final TestResult slower = CompareFixture.gated("slower", Level.BLOCKING);
    private final TestResult same = CompareFixture.gated("same", Level.BLOCKING);

    private CompareReport analyse(InterleavedRuns.Runs runs, TestResult... tests) {
        return CompareAnalysis.of(CompareFixture.BASE,
                List.of(new CompareAnalysis.Schedule("tests", List.of(tests), runs)),
                List.of(), CompareFixture.comparator(), "forks");
    }

    @Test
    void aSlowerHeadRegressesAndTheSameCodeIsUnchangedOnADriftingMachine() {
        Map<TestResult, Double> factors = new LinkedHashMap<>();
        factors.put(slower, 1.5);
        factors.put(same, 1.0);
        CompareReport report = analyse(CompareFixture.runs(10, factors, Set.of()), slower, same);

        assertEquals(10, report.pairsRun());
        PairedComparison regressed = report.tests().get(0).metrics().get(0);
        assertEquals(PairedMetric.P95, regressed.metric());
        assertEquals(RegressionOutcome.REGRESSED, regressed.outcome(), regressed.message());
        assertEquals(10, regressed.pairs());
        assertEquals(List.of(regressed), report.blocking());
        PairedComparison unchanged = report.tests().get(1).metrics().get(0);
        assertTrue(unchanged.outcome() == RegressionOutcome.UNCHANGED, unchanged.message());
        assertTrue(report.counts().startsWith("Compared 2 of 2 gated tests with 1a2b3c4d5e (origin/main: Add the order"
                + " cache) in 10 pairs: 2 metrics, Regressed: 1, Unchanged: 1"), report.counts());
    }

    @Test
    void cpuTimeIsComparedWhereAGateNamesItAndRegressesWhileWallTimeStaysPut() {
        TestResult cpuGated = TestData.completed("OrderApiPerfTest", "busier", "busier()",
                TestData.measurement(TestData.exponential(1, 1000, 1e6), 0, null, 1_000_000_000L),
                TestData.gate("LatencyGate", "p95", "200ms", "cpuP95", "50ms"));
        InterleavedRuns.Runs runs = CompareFixture.runs(10, (side, machine, seed) -> {
            // the same wall time on both sides; head spends 40 % more CPU on the measuring thread (where base waited)
            double cpuNanos = machine * 400_000 * (side == InterleavedRuns.Side.HEAD ? 1.4 : 1);
            TestResult measured = CompareFixture.measured(cpuGated, machine, seed);
            Map<String, TestResult> results = new LinkedHashMap<>();
            results.put(cpuGated.id(), measured.completed(measured.measurement().withContention(null,
                    new CpuTime(Math.round(cpuNanos * 1000), 1000, null))));
            results.put(same.id(), CompareFixture.measured(same, machine, seed));
            return results;
        }, Set.of());
        CompareReport report = analyse(runs, cpuGated, same);

        List<PairedComparison> gated = report.tests().get(0).metrics();
        assertEquals(List.of(PairedMetric.P95, PairedMetric.CPU_MEAN),
                gated.stream().map(PairedComparison::metric).toList());
        assertEquals(RegressionOutcome.UNCHANGED, gated.get(0).outcome(), gated.get(0).message());
        PairedComparison cpu = gated.get(1);
        assertEquals(RegressionOutcome.REGRESSED, cpu.outcome(), cpu.message());
        assertTrue(cpu.message().startsWith("CPU mean +40% ["), cpu.message());
        assertTrue(cpu.message().endsWith("allow it: \"-Dperfgate.regression.allowed=OrderApiPerfTest#busier:CPU mean=+41%\""),
                cpu.message());
        // the hint, once the shell took its quotes off, is a setting the policy reads
        assertEquals(0.41, RegressionPolicy.defaults().withAllowed("OrderApiPerfTest#busier:CPU mean=+41%", "hint")
                .allowedFor("OrderApiPerfTest#busier", RegressionMetric.CPU_MEAN).fraction(), 1e-9);
        assertEquals(List.of(cpu), report.blocking());
        // a test whose gate names no CPU figure is compared on wall time only, although its forks recorded none
        assertEquals(List.of(PairedMetric.P95),
                report.tests().get(1).metrics().stream().map(PairedComparison::metric).toList());
    }

    @Test
    void aForkWithoutCpuTimeMakesTheCpuComparisonInconclusiveWithTheReason() {
        TestResult cpuGated = TestData.completed("OrderApiPerfTest", "busier", "busier()",
                TestData.measurement(TestData.exponential(1, 1000, 1e6), 0, null, 1_000_000_000L),
                TestData.gate("LatencyGate", "cpuMean", "5ms"));
        CompareReport report = analyse(CompareFixture.runs(6, Map.of(cpuGated, 1.0), Set.of()), cpuGated);

        List<PairedComparison> metrics = report.tests().get(0).metrics();
        // a gate of CPU time alone: its figure, not wall time's too
        assertEquals(List.of(PairedMetric.CPU_MEAN), metrics.stream().map(PairedComparison::metric).toList());
        PairedComparison cpu = metrics.get(0);
        assertEquals(RegressionOutcome.INCONCLUSIVE, cpu.outcome(), cpu.message());
        assertTrue(cpu.message().contains("no CPU time per invocation was recorded"), cpu.message());
    }

    @Test
    void aTestTheBaseLacksIsNewNeitherPassedNorFailed() {
        CompareReport report = analyse(CompareFixture.runs(6, Map.of(same, 1.0), Set.of(slower.id())), same, slower);
        ComparedTest added = report.tests().stream().filter(test -> test.testId().equals(slower.id())).findFirst()
                .orElseThrow();
        assertEquals(ComparedTest.Status.NEW, added.status());
        assertTrue(added.metrics().isEmpty());
        assertEquals("new in head: the base 1a2b3c4d5e (origin/main: Add the order cache) has no such test, so there"
                + " is nothing to compare it with", added.reason());
        assertTrue(report.blocking().isEmpty());
    }

    @Test
    void aBaseForkThatRecordedNothingIsReportedAsSuchNeverAsAPass() {
        InterleavedRuns.Runs good = CompareFixture.runs(6, Map.of(slower, 3.0), Set.of());
        List<InterleavedRuns.Fork> forks = new ArrayList<>(good.forks());
        // pair 4's base fork failed: the test failed there and left only its declaration
        int index = forks.indexOf(forks.stream().filter(fork -> fork.pair() == 3
                && fork.side() == InterleavedRuns.Side.BASE).findFirst().orElseThrow());
        forks.set(index, CompareFixture.fork(3, InterleavedRuns.Side.BASE, forks.get(index).sequence(), 1,
                Map.of(slower.id(), slower.unmeasured("the test threw IllegalStateException: no stock"))));
        CompareReport report = analyse(new InterleavedRuns.Runs(forks, Set.of(), 6, null), slower);

        ComparedTest test = report.tests().get(0);
        assertEquals(ComparedTest.Status.BASE_FAILED, test.status());
        assertEquals("the base run of pair 4 exited with 1 and recorded no measurement of it (the test threw"
                + " IllegalStateException: no stock); log: target/perfgate/compare/forks/pair-04-base/fork.log",
                test.reason());
        assertTrue(report.comparisons().isEmpty(), "a failed base is no comparison, and so no pass");
    }

    @Test
    void aPercentileWithTooFewSamplesInAForkIsInconclusiveWithTheReason() {
        InterleavedRuns.Runs good = CompareFixture.runs(6, Map.of(slower, 1.0), Set.of());
        List<InterleavedRuns.Fork> forks = new ArrayList<>(good.forks());
        InterleavedRuns.Fork first = forks.get(0);
        forks.set(0, CompareFixture.fork(0, first.side(), 0, 0, Map.of(slower.id(), slower.completed(
                io.perfgate.core.TestData.measurement(io.perfgate.core.TestData.histogram(1_000_000, 2_000_000), 0,
                        null, 1_000_000L)))));
        CompareReport report = analyse(new InterleavedRuns.Runs(forks, Set.of(), 6, null), slower);
        PairedComparison p95 = report.comparisons().get(0);
        assertEquals(RegressionOutcome.INCONCLUSIVE, p95.outcome());
        assertEquals("p95 cannot be compared with the base: pair 1, base: 2 samples; a p95 needs at least 200 (raise"
                + " @PerfTest invocations or duration) (OrderApiPerfTest#slower)", p95.message());
    }

    @Test
    void theSidesAlternateInAbbaOrder() {
        assertEquals(InterleavedRuns.Side.BASE, InterleavedRuns.first(0));
        assertEquals(InterleavedRuns.Side.HEAD, InterleavedRuns.first(1));
        assertEquals(InterleavedRuns.Side.BASE, InterleavedRuns.first(2));
        assertNull(CompareFixture.runs(2, Map.of(same, 1.0), Set.of()).stoppedEarly());
    }

    @Test
    void compareRunsOnlyGatedJUnitTestsThatWereNotSkipped() {
        TestResult gated = CompareFixture.gated("gated", Level.BLOCKING);
        TestResult skipped = CompareFixture.gated("skipped", Level.BLOCKING).skipped("@Disabled");
        TestResult ungated = CompareFixture.gated("ungated", Level.BLOCKING).withGates(List.of());
        TestResult load = TestResult.declared(ResultKind.LOAD, "load:shop.yaml:peak", "shop.yaml", "peak", "peak",
                gated.gates(), null);
        assertEquals(List.of(gated), CompareAnalysis.gatedTests(List.of(skipped, gated, ungated, load)));
    }

    /** Head's record of a JMH throughput benchmark with a throughput gate, {@code opsPerSecond} its score. */
    private static TestResult benchmark(String method, double opsPerSecond) {
        String name = "bench.CodecBench." + method;
        BenchmarkDetails details = new BenchmarkDetails(name, "thrpt", Map.of(), 1, 1, 2, "1 s", 3, "500 ms",
                opsPerSecond, null, "ops/s", null, null, "1.37", null, null, null, null);
        Measurement measurement = new Measurement(3, 0, Map.of(), null, 1_500_000_000L, null, null, null,
                List.of(new Round(3, 0, 1_500_000_000L, null, opsPerSecond)), null, null, null, null);
        return new TestResult(TestResult.SCHEMA_VERSION, ResultKind.JMH,
                JmhResults.id(name, BenchmarkMode.THROUGHPUT, Map.of()), "bench.CodecBench", method,
                method + " (thrpt)", ResultStatus.COMPLETED, null,
                List.of(TestData.gate("ThroughputGate", "min", "1000/s")), TestData.WORKLOAD, measurement, null,
                TestData.ENVIRONMENT, TestData.STARTED, details, null, null);
    }

    @Test
    void benchmarksCompareTheirScoreTheWorseWayAlongsideTestsUnderOneCorrection() {
        TestResult slowerCodec = benchmark("encode", 1_000_000);
        TestResult newCodec = benchmark("decode", 2_000_000);
        InterleavedRuns.Runs benchmarkRuns = CompareFixture.runs(10, (side, machine, seed) -> Map.of(
                slowerCodec.id(), benchmark("encode", 1_000_000 / machine
                        * (side == InterleavedRuns.Side.HEAD ? 0.6 : 1) * (1 + 0.001 * (seed % 7)))),
                Set.of(newCodec.id()));
        CompareReport report = CompareAnalysis.of(CompareFixture.BASE, List.of(
                new CompareAnalysis.Schedule("tests", List.of(same),
                        CompareFixture.runs(10, Map.of(same, 1.0), Set.of())),
                new CompareAnalysis.Schedule("benchmarks", List.of(slowerCodec, newCodec), benchmarkRuns)),
                List.of(), CompareFixture.comparator(), "forks");

        ComparedTest codec = report.tests().stream().filter(test -> test.testId().equals(slowerCodec.id()))
                .findFirst().orElseThrow();
        assertEquals(ComparedTest.Status.COMPARED, codec.status());
        PairedComparison score = codec.metrics().get(0);
        assertEquals(PairedMetric.SCORE_RATE, score.metric());
        assertEquals(RegressionOutcome.REGRESSED, score.outcome(), score.message());
        assertTrue(score.ratio() > 0.55 && score.ratio() < 0.65, score.message());
        assertTrue(score.message().contains("after Holm over 2 comparisons"), score.message());
        assertEquals(List.of(score), report.blocking());
        ComparedTest added = report.tests().stream().filter(test -> test.testId().equals(newCodec.id()))
                .findFirst().orElseThrow();
        assertEquals(ComparedTest.Status.NEW, added.status());
        assertTrue(added.reason().contains("has no such benchmark run (no such benchmark, mode or @Param value)"),
                added.reason());
        assertEquals(10, report.pairsRun());
        // the counts name each kind compared, not 'gated tests' for benchmarks too
        assertTrue(report.counts().startsWith("Compared 2 of 3 gated results (1 test, 2 benchmark runs) with 1a2b3c4d5e"),
                report.counts());
    }

    @Test
    void aScheduleOfNewBenchmarksOnlyLeavesTheTestsPairCountAndNamesItsStop() {
        TestResult newCodec = benchmark("decode", 2_000_000);
        InterleavedRuns.Runs none = new InterleavedRuns.Runs(List.of(), Set.of(newCodec.id()), 10,
                "the base has none of them");
        CompareReport report = CompareAnalysis.of(CompareFixture.BASE, List.of(
                new CompareAnalysis.Schedule("tests", List.of(same),
                        CompareFixture.runs(10, Map.of(same, 1.0), Set.of())),
                new CompareAnalysis.Schedule("benchmarks", List.of(newCodec), none)),
                List.of(), CompareFixture.comparator(), "forks");

        assertEquals(10, report.pairsRun());
        assertEquals("benchmarks: the base has none of them", report.stoppedEarly());
        assertEquals(ComparedTest.Status.NEW, report.tests().get(1).status());
    }

    @Test
    void gatedPagesAndLoadResultsOutsideTheScenarioFileAreLeftOutWithWhy() {
        TestResult page = TestResult.declared(ResultKind.LIGHTHOUSE, "page:pages.yaml#home", "pages.yaml", "home",
                "home", same.gates(), null);
        TestResult ungatedPage = page.withNames("pages.yaml", "about", "about").withGates(List.of());
        TestResult loadTest = TestResult.declared(ResultKind.LOAD, "[engine:junit]CheckoutLoadTest#peak",
                "shop.CheckoutLoadTest", "peak", "peak", same.gates(), null);
        TestResult scenario = TestResult.declared(ResultKind.LOAD, "load:shop.yaml:checkout", "shop.yaml", "checkout",
                "checkout", same.gates(), null);

        List<ComparedTest> leftOut = CompareAnalysis.leftOut(List.of(same, page, ungatedPage, loadTest, scenario),
                Set.of(scenario.id()));

        assertEquals(List.of("pages.yaml#home", "CheckoutLoadTest#peak"), leftOut.stream().map(ComparedTest::label)
                .toList());
        assertTrue(leftOut.stream().allMatch(test -> test.status() == ComparedTest.Status.LEFT_OUT));
        assertEquals("not compared with the base: compare runs no browser; perfgate:check judges it against its"
                + " bounds and the baseline", leftOut.get(0).reason());
        assertTrue(leftOut.get(1).reason().contains("not @LoadTest methods or imported runs"), leftOut.get(1).reason());
    }

    @Test
    void aLoadScenarioTheBaseLacksIsNamedAsOneAndCountedAsOne() {
        TestResult scenario = TestResult.declared(ResultKind.LOAD, "load:shop.yaml:checkout", "shop.yaml", "checkout",
                "checkout", same.gates(), null);
        CompareReport report = CompareAnalysis.of(CompareFixture.BASE, List.of(
                new CompareAnalysis.Schedule("scenarios", List.of(scenario),
                        new InterleavedRuns.Runs(List.of(), Set.of(scenario.id()), 6, "the base has none of them"))),
                List.of(), CompareFixture.comparator(), "forks");

        ComparedTest added = report.tests().get(0);
        assertEquals(ComparedTest.Status.NEW, added.status());
        assertTrue(added.reason().contains("has no such load scenario, so there is nothing to compare it with"),
                added.reason());
        assertTrue(report.counts().startsWith("Compared 0 of 1 load scenario with"), report.counts());
    }
}
