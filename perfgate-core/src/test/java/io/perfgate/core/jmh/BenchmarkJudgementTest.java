package io.perfgate.core.jmh;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfgate.core.jmh.JmhResultsTest.byId;
import static io.perfgate.core.jmh.JmhResultsTest.fixtureResults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@code check} judges benchmark results: on JMH's score, in the right direction, per mode. */
class BenchmarkJudgementTest {
    private static final String REPORT = "target/perfgate/index.html";
    private final GateEvaluator evaluator = new GateEvaluator(REPORT);

    private static GateDeclaration gate(String gate, Map<String, String> bounds) {
        return new GateDeclaration(gate, Level.BLOCKING, false, "method FixtureBench#sum", bounds, null);
    }

    private TestOutcome judge(String id, GateDeclaration... gates) {
        TestResult result = byId(fixtureResults(name -> List.of(gates)), id);
        return evaluator.evaluate(result);
    }

    private static MetricOutcome onlyMetric(TestOutcome outcome) {
        assertEquals(1, outcome.gates().size(), outcome.gates().toString());
        assertEquals(1, outcome.gates().get(0).metrics().size());
        return outcome.gates().get(0).metrics().get(0);
    }

    @Test
    void throughputBelowItsMinimumFailsNamingBenchmarkParametersScoreAndBound() {
        // sum at size=100 scored 27.6 ± 107 ops/us, that is 27.6 million ops/s
        TestOutcome outcome = judge("jmh:fixture.FixtureBench.sum:thrpt[size=100]",
                gate("ThroughputGate", Map.of("min", "50000000/s")));

        MetricOutcome throughput = onlyMetric(outcome);
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertTrue(outcome.blocks());
        assertEquals(27.62821958099611e6, throughput.value(), 1);
        String message = throughput.message();
        assertTrue(message.startsWith("throughput = 27,6"), message);
        assertTrue(message.contains(" is below the threshold 50,000,000/s (FixtureBench#sum [thrpt, size=100],"
                + " JMH score 27.6 ± 107 ops/us from 2 forks x 2 iterations of 100 ms, report: " + REPORT + ")"),
                message);
    }

    @Test
    void throughputAboveItsMinimumPassesAndATargetWarns() {
        TestOutcome pass = judge("jmh:fixture.FixtureBench.sum:thrpt[size=10]",
                gate("ThroughputGate", Map.of("min", "100000000/s")));
        TestOutcome warn = judge("jmh:fixture.FixtureBench.sum:thrpt[size=10]",
                gate("ThroughputGate", Map.of("min", "300000000/s..100000000/s")));

        assertEquals(Verdict.PASS, pass.verdict());
        assertEquals(Verdict.WARN, warn.verdict());
        assertTrue(onlyMetric(warn).message().contains(
                " is below the target 300,000,000/s (threshold 100,000,000/s)"), onlyMetric(warn).message());
    }

    @Test
    void withFailOnInconclusiveOffABenchmarkKeepsItsRealScoreAndPasses() {
        // the regression: relaxing INCONCLUSIVE used to rebuild results without their JMH details, so this
        // benchmark failed with "throughput = 10/s" and an implicit error gate
        TestResult result = byId(fixtureResults(name -> List.of(gate("ThroughputGate", Map.of("min", "100000000/s")))),
                "jmh:fixture.FixtureBench.sum:thrpt[size=10]");

        CheckReport report = CheckReport.of("app", REPORT, List.of(result), false);

        TestOutcome outcome = report.tests().get(0);
        assertEquals(Verdict.PASS, outcome.verdict(), outcome.gates().toString());
        MetricOutcome throughput = onlyMetric(outcome);
        assertTrue(throughput.value() > 2.0e8 && throughput.value() < 2.6e8, "JMH's score: " + throughput.value());
        assertTrue(throughput.message().matches("throughput = 2\\d\\d,000,000/s meets the minimum 100,000,000/s"
                + " \\(FixtureBench#sum \\[thrpt, size=10], JMH score .*"), throughput.message());
        assertTrue(result.benchmark() != null && report.tests().get(0).result() == result, "the data is not rewritten");
        assertTrue(!report.hasBlockingViolations());
    }

    @Test
    void theMeanTimeOfAnAverageTimeRunIsJudgedInNanoseconds() {
        // sum avgt at size=100: 0.0225 us/op = 22.5 ns
        TestOutcome fail = judge("jmh:fixture.FixtureBench.sum:avgt[size=100]", gate("LatencyGate", Map.of("mean", "20ns")));
        TestOutcome pass = judge("jmh:fixture.FixtureBench.sum:avgt[size=100]", gate("LatencyGate", Map.of("mean", "25ns")));

        assertEquals(Verdict.FAIL, fail.verdict());
        assertTrue(onlyMetric(fail).message().startsWith("mean = 22.5 ns exceeds the threshold 20 ns"),
                onlyMetric(fail).message());
        assertEquals(Verdict.PASS, pass.verdict());
        MetricOutcome mean = onlyMetric(pass);
        assertEquals(22.540761384056505 - 27.377190159967514, mean.lower(), 1e-9, "JMH's error interval, in ns");
        assertEquals(22.540761384056505 + 27.377190159967514, mean.upper(), 1e-9);
    }

    @Test
    void percentilesOfASampleTimeRunComeFromItsHistogram() {
        TestOutcome outcome = judge("jmh:fixture.FixtureBench.Sampled.copy:sample",
                gate("LatencyGate", Map.of("p50", "100us", "p99", "1ns")));

        List<MetricOutcome> metrics = outcome.gates().get(0).metrics();
        assertEquals(Verdict.PASS, metrics.get(0).verdict(), metrics.get(0).message());
        assertEquals(Verdict.FAIL, metrics.get(1).verdict());
        assertTrue(metrics.get(1).message().contains("13,959 samples"), metrics.get(1).message());
    }

    @Test
    void aPercentileOnAnAverageTimeRunFailsWithAdvice() {
        TestOutcome outcome = judge("jmh:fixture.FixtureBench.Sampled.nothing:avgt",
                gate("LatencyGate", Map.of("p99", "1ms")));

        MetricOutcome p99 = onlyMetric(outcome);
        assertEquals(Verdict.FAIL, p99.verdict());
        assertTrue(p99.message().startsWith("p99 cannot be measured in avgt mode (FixtureBench$Sampled#nothing,"),
                p99.message());
        assertTrue(p99.message().endsWith("add @BenchmarkMode(Mode.SampleTime), or bound the mean instead"));
    }

    @Test
    void throughputOnATimeModeFailsWithAdvice() {
        TestOutcome outcome = judge("jmh:fixture.FixtureBench.boom:avgt[size=10]",
                gate("ThroughputGate", Map.of("min", "1/s")));

        assertEquals(Verdict.FAIL, outcome.verdict());
        assertTrue(onlyMetric(outcome).message().contains("add @BenchmarkMode(Mode.Throughput)"));
    }

    @Test
    void allocationPerOperationComesFromTheGcProfiler() {
        // copy allocates new byte[1000]: 1,016.8 B/op
        TestOutcome fail = judge("jmh:fixture.FixtureBench.Sampled.copy:sample",
                gate("MemoryGate", Map.of("allocationPerInvocation", "512B")));
        TestOutcome pass = judge("jmh:fixture.FixtureBench.Sampled.copy:sample",
                gate("MemoryGate", Map.of("allocationPerInvocation", "2KB")));

        assertEquals(Verdict.FAIL, fail.verdict());
        assertEquals(1016.8060455773359, onlyMetric(fail).value(), 1e-9);
        assertTrue(onlyMetric(fail).message().startsWith("allocation per invocation = "), onlyMetric(fail).message());
        assertTrue(onlyMetric(fail).message().contains(" exceeds the threshold 512 B (FixtureBench$Sampled#copy,"),
                onlyMetric(fail).message());
        assertEquals(Verdict.PASS, pass.verdict());
    }

    @Test
    void anAllocationGateWithoutTheProfilersFigureFails() {
        TestResult withoutProfiler = JmhResults.convert(List.of(JmhResultReader.parse(
                        JmhResultReaderTest.json("5", "1", "[[5]]"), "r.json").get(0)), List.of(), List.of(),
                name -> List.of(gate("MemoryGate", Map.of("allocationPerInvocation", "1KB"))), "smoke",
                java.time.Instant.now()).get(0);

        MetricOutcome allocation = onlyMetric(evaluator.evaluate(withoutProfiler));

        assertEquals(Verdict.FAIL, allocation.verdict());
        assertTrue(allocation.message().startsWith("allocation per invocation was declared but not measured:"
                + " JMH's gc profiler reported no gc.alloc.rate.norm"), allocation.message());
    }

    @Test
    void heapAndErrorGatesDoNotApplyToBenchmarks() {
        TestOutcome heap = judge("jmh:fixture.FixtureBench.Sampled.copy:sample",
                gate("MemoryGate", Map.of("heapAfterGc", "64MB")));
        TestOutcome errors = judge("jmh:fixture.FixtureBench.Sampled.copy:sample",
                gate("ErrorRateGate", Map.of("max", "1%")));

        assertEquals(Verdict.FAIL, heap.verdict());
        assertTrue(onlyMetric(heap).message().contains("bound heap and GC in a JUnit test"));
        assertEquals(Verdict.FAIL, errors.verdict());
        assertTrue(onlyMetric(errors).message().startsWith("@ErrorRateGate does not apply to a JMH benchmark"));
    }

    @Test
    void aBenchmarkThatThrewFailsWithItsCauseWithOrWithoutGates() {
        TestOutcome noGates = judge("jmh:fixture.FixtureBench.boom:avgt[size=100]");
        TestOutcome gated = judge("jmh:fixture.FixtureBench.boom:avgt[size=100]",
                gate("LatencyGate", Map.of("mean", "1s")));

        assertEquals(Verdict.FAIL, noGates.verdict());
        assertTrue(noGates.blocks());
        assertEquals(List.of("FixtureBench#boom [size=100] failed in JMH, so none of its figures count:"
                + " java.lang.IllegalStateException: boom at size 100 (at fixture.FixtureBench.boom(FixtureBench.java:24));"
                + " fix the benchmark (JMH's output holds the whole stack trace) (report: " + REPORT + ")"),
                noGates.gates().get(0).violationMessages());
        assertEquals(Verdict.FAIL, gated.verdict());
        assertEquals(2, gated.gates().size());
        assertTrue(gated.gates().stream().allMatch(GateOutcome::blocks));
    }

    @Test
    void aCleanBenchmarkWithoutGatesPasses() {
        TestOutcome outcome = judge("jmh:fixture.FixtureBench.sum:thrpt[size=10]");

        assertEquals(Verdict.PASS, outcome.verdict());
        assertEquals(List.of(), outcome.gates());
    }

    @Test
    void aWholeRunFailsTheCheckOnlyForItsViolations() {
        List<TestResult> results = fixtureResults(name -> name.endsWith(".sum")
                ? List.of(gate("ThroughputGate", Map.of("min", "50000000/s"))) : List.of());

        CheckReport report = CheckReport.of("fixture", REPORT, results);

        // sum thrpt size=100 is too slow; boom size=100 threw; everything else passes
        List<String> failing = report.tests().stream().filter(TestOutcome::blocks).map(TestOutcome::label).toList();
        assertEquals(List.of("FixtureBench#boom [size=100]", "FixtureBench#sum [thrpt, size=100]"), failing);
    }
}
