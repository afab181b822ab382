package io.perfgate.core.check;

import io.perfgate.core.TestData;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfgate.core.TestData.completed;
import static io.perfgate.core.TestData.gate;
import static io.perfgate.core.TestData.measurement;
import static io.perfgate.core.TestData.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateEvaluatorTest {
    private static final String REPORT = "target/perfgate/index.html";
    private static final String WHERE = "(OrderApiPerfTest#createOrder, 1,200 samples, report: " + REPORT + ")";
    private static final String FIRST_ERROR = "java.lang.IllegalStateException: pool exhausted";

    private final GateEvaluator evaluator = new GateEvaluator(REPORT);

    /** 1,000 invocations of 100 ms and 200 of 231 ms: p95 and max are 231 ms, the mean 122 ms. */
    private static LatencyHistogram orders() {
        return TestData.repeat(TestData.repeat(new LatencyHistogram(), ms(100), 1000), ms(231), 200);
    }

    private static Measurement ordersOverTwoSeconds() {
        return measurement(orders(), 0, null, 2_000_000_000L);
    }

    private static GateOutcome only(TestOutcome outcome, String gate) {
        List<GateOutcome> matching = outcome.gates().stream()
                .filter(g -> g.declaration().gate().equals(gate) && !g.implicit()).toList();
        assertEquals(1, matching.size(), outcome.gates().toString());
        return matching.get(0);
    }

    private static MetricOutcome metric(GateOutcome gate, Metric metric) {
        return gate.metrics().stream().filter(m -> m.metric() == metric).findFirst().orElseThrow();
    }

    @Test
    void aLatencyAboveItsThresholdFailsWithValueBoundTestAndReport() {
        TestOutcome outcome = evaluator.evaluate(completed(ordersOverTwoSeconds(), gate("LatencyGate", "p95", "200ms")));
        GateOutcome gate = only(outcome, "LatencyGate");
        MetricOutcome p95 = metric(gate, Metric.LATENCY_P95);
        assertEquals(Verdict.FAIL, p95.verdict());
        assertEquals("p95 = 231 ms exceeds the threshold 200 ms " + WHERE, p95.message());
        assertEquals(1200, p95.samples());
        assertEquals("231 ms", p95.formattedValue());
        assertEquals("200ms", p95.boundText());
        assertNotNull(p95.lower());
        assertTrue(p95.lower() <= p95.value() && p95.value() <= p95.upper());
        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(gate.blocks());
        assertEquals(List.of(p95.message()), gate.violationMessages());
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertTrue(outcome.blocks());
    }

    @Test
    void aLatencyBetweenTargetAndThresholdWarns() {
        TestOutcome outcome = evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", "p95", "150ms..250ms")));
        GateOutcome gate = only(outcome, "LatencyGate");
        assertEquals(Verdict.WARN, gate.verdict());
        assertEquals("p95 = 231 ms exceeds the target 150 ms (threshold 250 ms) " + WHERE,
                metric(gate, Metric.LATENCY_P95).message());
        assertFalse(gate.blocks());
        assertTrue(gate.violated());
        assertEquals(Verdict.WARN, outcome.verdict());
    }

    @Test
    void aLatencyWithinItsBoundPasses() {
        TestOutcome outcome = evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", "p50", "150ms", "p95", "300ms", "p99", "250ms..300ms")));
        GateOutcome gate = only(outcome, "LatencyGate");
        assertEquals(Verdict.PASS, gate.verdict());
        assertEquals("p95 = 231 ms is within 300ms " + WHERE, metric(gate, Metric.LATENCY_P95).message());
        assertEquals("p50 = 100 ms is within 150ms " + WHERE, metric(gate, Metric.LATENCY_P50).message());
        assertEquals(List.of(Metric.LATENCY_P50, Metric.LATENCY_P95, Metric.LATENCY_P99),
                gate.metrics().stream().map(MetricOutcome::metric).toList(), "metrics in declaration order");
        assertEquals(List.of(), gate.violationMessages());
        assertFalse(gate.violated());
        assertEquals(Verdict.PASS, outcome.verdict());
    }

    @Test
    void judgesMaxAndMean() {
        GateOutcome gate = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", "max", "200ms", "mean", "120ms"))), "LatencyGate");
        assertEquals("max = 231 ms exceeds the threshold 200 ms " + WHERE, metric(gate, Metric.LATENCY_MAX).message());
        assertEquals("mean = 122 ms exceeds the threshold 120 ms " + WHERE, metric(gate, Metric.LATENCY_MEAN).message());
        assertEquals(2, gate.violationMessages().size());
        GateOutcome relaxed = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", "max", "1s", "mean", "100ms..125ms"))), "LatencyGate");
        assertEquals(Verdict.PASS, metric(relaxed, Metric.LATENCY_MAX).verdict());
        assertEquals(Verdict.WARN, metric(relaxed, Metric.LATENCY_MEAN).verdict());
        assertEquals(Verdict.WARN, relaxed.verdict());
    }

    @Test
    void throughputBelowItsMinimumFails() {
        GateOutcome gate = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("ThroughputGate", "min", "1000/s"))), "ThroughputGate");
        assertEquals(Verdict.FAIL, gate.verdict());
        assertEquals("throughput = 600/s is below the threshold 1,000/s " + WHERE,
                metric(gate, Metric.THROUGHPUT).message());
        GateOutcome warned = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("ThroughputGate", "min", "800/s..500/s"))), "ThroughputGate");
        assertEquals("throughput = 600/s is below the target 800/s (threshold 500/s) " + WHERE,
                metric(warned, Metric.THROUGHPUT).message());
        assertEquals(Verdict.PASS, only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("ThroughputGate", "min", "36000/min"))), "ThroughputGate").verdict());
    }

    @Test
    void anErrorRateAboveItsBoundFailsNamingTheFirstError() {
        Measurement measurement = measurement(orders(), 30, FIRST_ERROR, 2_000_000_000L);
        TestOutcome outcome = evaluator.evaluate(completed(measurement, gate("ErrorRateGate", "max", "1%")));
        GateOutcome gate = only(outcome, "ErrorRateGate");
        assertEquals(Verdict.FAIL, gate.verdict());
        assertEquals("error rate = 2.44% exceeds the threshold 1% (OrderApiPerfTest#createOrder, 1,230 samples, report: "
                        + REPORT + "); 30 of 1,230 invocations threw, first: " + FIRST_ERROR,
                metric(gate, Metric.ERROR_RATE).message());
        assertEquals(1, outcome.gates().size(), "a declared @ErrorRateGate replaces the implicit one");
    }

    @Test
    void withoutAnErrorRateGateNoErrorIsAllowed() {
        Measurement measurement = measurement(orders(), 1, FIRST_ERROR, 2_000_000_000L);
        TestOutcome outcome = evaluator.evaluate(completed(measurement, gate("LatencyGate", "p95", "1s")));
        assertEquals(2, outcome.gates().size());
        GateOutcome implicit = outcome.gates().get(1);
        assertTrue(implicit.implicit());
        assertSame(GateEvaluator.NO_ERRORS_ALLOWED, implicit.declaration());
        assertEquals(Verdict.FAIL, implicit.verdict());
        assertTrue(implicit.blocks());
        assertEquals("error rate = 0.0833% exceeds the threshold 0% (OrderApiPerfTest#createOrder, 1,201 samples, report: "
                        + REPORT + "); 1 of 1,201 invocations threw, first: " + FIRST_ERROR,
                implicit.violationMessages().get(0));
        assertEquals(Verdict.FAIL, outcome.verdict());

        TestOutcome clean = evaluator.evaluate(completed(ordersOverTwoSeconds(), gate("LatencyGate", "p95", "1s")));
        assertEquals(Verdict.PASS, clean.gates().get(1).verdict());
        assertTrue(clean.gates().get(1).implicit());
    }

    @Test
    void aScopedErrorRateGateDoesNotReplaceTheImplicitOne() {
        GateDeclaration scoped = new GateDeclaration("ErrorRateGate", Level.BLOCKING, false, "scenario orders",
                Map.of("max", "5%"), "checkout");
        TestResult result = completed(ordersOverTwoSeconds(), scoped)
                .completed(ordersOverTwoSeconds(), Map.of("checkout", ordersOverTwoSeconds()));
        TestOutcome outcome = evaluator.evaluate(result);
        assertEquals(2, outcome.gates().size());
        assertTrue(outcome.gates().get(1).implicit());
    }

    @Test
    void anErrorRateFromTooFewInvocationsIsInconclusive() {
        Measurement few = measurement(TestData.repeat(new LatencyHistogram(), ms(1), 200), 0, null, 1_000_000_000L);
        GateOutcome gate = only(evaluator.evaluate(completed(few, gate("ErrorRateGate", "max", "1%"))), "ErrorRateGate");
        assertEquals(Verdict.INCONCLUSIVE, gate.verdict());
        assertEquals("error rate 0% rests on 200 invocations; a bound of 1% needs at least 1,000"
                + " (OrderApiPerfTest#createOrder, 200 samples, report: " + REPORT + "):"
                + " raise invocations or duration in @PerfTest, or set allowInconclusive = true",
                gate.violationMessages().get(0));
        assertTrue(gate.blocks());
    }

    @Test
    void tooFewSamplesOfAnImportOrALoadRunAskForALongerScenarioNotForPerfTest() {
        Measurement few = measurement(TestData.repeat(new LatencyHistogram(), ms(1), 50), 0, null, 1_000_000_000L);
        TestResult imported = completed(few, gate("LatencyGate", "p99", "5ms"))
                .importedFrom(new io.perfgate.core.result.ImportSource("JMeter", List.of("run.jtl"), null));
        String message = only(evaluator.evaluate(imported), "LatencyGate").violationMessages().get(0);
        assertTrue(message.endsWith(": run the engine's scenario longer so it records more requests, or set"
                + " allowInconclusive: true on the gate"), message);

        TestResult load = TestResult.declared(io.perfgate.core.result.ResultKind.LOAD, "shop.yaml#browse", "shop.yaml",
                "browse", "browse", List.of(gate("LatencyGate", "p99", "5ms")), TestData.WORKLOAD).completed(few);
        message = only(evaluator.evaluate(load), "LatencyGate").violationMessages().get(0);
        assertTrue(message.endsWith(": run the scenario longer or at a higher rate (its duration or rate), or set"
                + " allowInconclusive: true on the gate"), message);
    }

    @Test
    void memoryMetricsThatWereNotMeasuredFail() {
        GateOutcome none = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("MemoryGate", "heapAfterGc", "64MB"))), "MemoryGate");
        assertEquals(Verdict.FAIL, none.verdict());
        assertEquals("heap after GC was declared but not measured: the recording holds no memory figures"
                + " (was the test run by the perfgate extension?) " + WHERE, none.violationMessages().get(0));
        assertEquals("not measured", metric(none, Metric.HEAP_AFTER_GC).formattedValue());
        assertTrue(none.blocks());

        Measurement partial = TestData.withMemory(ordersOverTwoSeconds(),
                new MemoryMeasurement(64L << 20, 512.5, null, 9_000_000L, 3L));
        GateOutcome gate = only(evaluator.evaluate(completed(partial,
                gate("MemoryGate", "heapAfterGc", "32MB", "allocationPerInvocation", "1KB", "gcPause", "50ms",
                        "gcTime", "5ms..100ms"))), "MemoryGate");
        assertEquals("heap after GC = 64 MB exceeds the threshold 32 MB " + WHERE,
                metric(gate, Metric.HEAP_AFTER_GC).message());
        assertEquals(Verdict.PASS, metric(gate, Metric.ALLOCATION_PER_INVOCATION).verdict());
        assertEquals("max GC pause was declared but not measured: this JVM did not provide it"
                        + " (see the supported collectors in the README) " + WHERE,
                metric(gate, Metric.GC_PAUSE_MAX).message());
        assertEquals(Verdict.WARN, metric(gate, Metric.GC_TIME).verdict());
        assertEquals(Verdict.FAIL, gate.verdict());
    }

    @Test
    void aResultThatWasOnlyDeclaredFailsNamingTheTest() {
        TestResult declared = TestData.declared("OrderApiPerfTest", "createOrder", "createOrder()",
                gate("LatencyGate", "p95", "200ms"));
        TestOutcome outcome = evaluator.evaluate(declared);
        assertEquals(1, outcome.gates().size());
        GateOutcome gate = outcome.gates().get(0);
        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(gate.blocks());
        assertEquals("OrderApiPerfTest#createOrder started but recorded no measurement, so @LatencyGate cannot be judged:"
                + " the test did not finish (a crash, a timeout or a killed test JVM); see its output in the test report"
                + " (report: " + REPORT + ")", gate.problem());
        assertEquals(Verdict.FAIL, outcome.verdict());
    }

    @Test
    void aDeclaredResultWithAnInvalidBoundFailsOnTheBoundAsTheRejectedTestDid() {
        // what the JUnit extension records for a test whose bound it rejected: the gate as written
        TestResult rejected = TestData.declared("OrderApiPerfTest", "createOrder", "createOrder()",
                gate("LatencyGate", "p95", "200 parsecs")).unmeasured("perfgate rejected it: ...");
        TestOutcome outcome = evaluator.evaluate(rejected);
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertTrue(outcome.blocks());
        assertEquals(1, outcome.gates().size());
        assertEquals(List.of("[FAIL] @LatencyGate(p95 = \"200 parsecs\") on method OrderApiPerfTest#createOrder: cannot"
                + " read '200 parsecs': expected a duration such as 750us, 200ms or 1.5s (units: ns, us, ms, s, min)"),
                outcome.gates().get(0).violationLines());
    }

    @Test
    void aDeclaredResultWithAReasonFailsGivingIt() {
        TestOutcome outcome = evaluator.evaluate(TestData.declared("OrderApiPerfTest", "createOrder", "createOrder()")
                .unmeasured("it failed before it was measured: java.lang.IllegalStateException: no connection; see the"
                        + " test's failure in the test report"));
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertEquals("OrderApiPerfTest#createOrder recorded no measurement: it failed before it was measured:"
                + " java.lang.IllegalStateException: no connection; see the test's failure in the test report (report: "
                + REPORT + ")", outcome.gates().get(0).problem());
    }

    @Test
    void aDeclaredResultWithoutGatesStillFails() {
        TestOutcome outcome = evaluator.evaluate(TestData.declared("OrderApiPerfTest", "createOrder", "createOrder()"));
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertEquals("OrderApiPerfTest#createOrder started but recorded no measurement: the test did not finish"
                        + " (a crash, a timeout or a killed test JVM); see its output in the test report (report: "
                        + REPORT + ")",
                outcome.gates().get(0).problem());
    }

    @Test
    void aSkippedResultIsSkippedNotFailed() {
        TestResult skipped = TestData.declared("OrderApiPerfTest", "createOrder", "createOrder()",
                gate("LatencyGate", "p95", "200ms")).skipped("@Disabled: flaky on shared runners");
        TestOutcome outcome = evaluator.evaluate(skipped);
        assertEquals(Verdict.SKIPPED, outcome.verdict());
        assertEquals(1, outcome.gates().size(), "no implicit error gate on skipped work");
        assertEquals(Verdict.SKIPPED, outcome.gates().get(0).verdict());
        assertFalse(outcome.blocks());
        assertFalse(outcome.gates().get(0).violated());
        TestOutcome bare = evaluator.evaluate(
                TestData.declared("OrderApiPerfTest", "createOrder", "createOrder()").skipped("aborted"));
        assertEquals(Verdict.SKIPPED, bare.verdict());
        assertEquals(List.of(), bare.gates());
    }

    @Test
    void tooFewSamplesForAPercentileAreInconclusiveNamingTheCounts() {
        Measurement fifty = measurement(TestData.repeat(new LatencyHistogram(), ms(1), 50), 0, null, 100_000_000L);
        GateOutcome gate = only(evaluator.evaluate(completed(fifty, gate("LatencyGate", "p95", "200ms"))),
                "LatencyGate");
        assertEquals(Verdict.INCONCLUSIVE, gate.verdict());
        assertEquals("p95 needs at least 200 samples, got 50"
                + " (OrderApiPerfTest#createOrder, 50 samples, report: " + REPORT + "):"
                + " raise invocations or duration in @PerfTest, or set allowInconclusive = true",
                gate.violationMessages().get(0));
        assertTrue(gate.blocks(), "a BLOCKING gate without a verdict fails the build");

        Measurement fiveHundred = measurement(TestData.repeat(new LatencyHistogram(), ms(1), 500), 0, null, 1L << 30);
        GateOutcome p99 = only(evaluator.evaluate(completed(fiveHundred, gate("LatencyGate", "p99", "200ms"))),
                "LatencyGate");
        assertTrue(p99.violationMessages().get(0).contains("p99 needs at least 1,000 samples, got 500"),
                p99.violationMessages().toString());
        // the mean and max need no minimum
        assertEquals(Verdict.PASS, only(evaluator.evaluate(completed(fifty, gate("LatencyGate", "max", "2ms"))),
                "LatencyGate").verdict());
    }

    @Test
    void allowingInconclusiveKeepsItReportedButNotBlocking() {
        Measurement fifty = measurement(TestData.repeat(new LatencyHistogram(), ms(1), 50), 0, null, 100_000_000L);
        GateDeclaration relaxed = new GateDeclaration("LatencyGate", Level.BLOCKING, true, "method X#y",
                Map.of("p95", "200ms"), null);
        GateOutcome gate = only(evaluator.evaluate(completed(fifty, relaxed)), "LatencyGate");
        assertEquals(Verdict.INCONCLUSIVE, gate.verdict());
        assertFalse(gate.blocks());
        assertTrue(gate.violated());
    }

    @Test
    void fewSamplesFarBeyondTheThresholdFailRatherThanHideAsInconclusive() {
        Measurement slow = measurement(TestData.repeat(new LatencyHistogram(), ms(5), 60), 0, null, 300_000_000L);
        GateDeclaration relaxed = new GateDeclaration("LatencyGate", Level.BLOCKING, true,
                "method OrderApiPerfTest#createOrder", Map.of("p95", "1ms"), null);
        GateOutcome gate = only(evaluator.evaluate(completed(slow, relaxed)), "LatencyGate");
        assertEquals(Verdict.FAIL, gate.verdict());
        assertEquals("p95 = 5 ms exceeds the threshold 1 ms, and so does its 95% lower confidence limit 5 ms"
                + " from only 60 samples (OrderApiPerfTest#createOrder, 60 samples, report: " + REPORT + ")",
                gate.violationMessages().get(0));
        assertTrue(gate.blocks(), "allowInconclusive does not cover a clear failure");
    }

    @Test
    void anInvalidBoundInAResultFileFailsNamingTheAnnotationAndValue() {
        GateOutcome parsecs = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", "p95", "200 parsecs"))), "LatencyGate");
        assertEquals(Verdict.FAIL, parsecs.verdict());
        assertTrue(parsecs.blocks());
        assertEquals(List.of(), parsecs.metrics());
        assertEquals("@LatencyGate(p95 = \"200 parsecs\") on method OrderApiPerfTest#createOrder: cannot read"
                + " '200 parsecs': expected a duration such as 750us, 200ms or 1.5s (units: ns, us, ms, s, min)",
                parsecs.problem());
        assertEquals(List.of(parsecs.problem()), parsecs.violationMessages());

        GateOutcome p101 = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", "p101", "200ms", "p95", "1ms"))), "LatencyGate");
        assertEquals("@LatencyGate(p101 = \"200ms\") on method OrderApiPerfTest#createOrder: @LatencyGate has no metric"
                + " 'p101'; expected one of [p50, p90, p95, p99, max, mean, cpuMean, cpuP50, cpuP95, cpuP99]", p101.problem());

        GateOutcome reversed = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", "p95", "200ms..100ms"))), "LatencyGate");
        assertTrue(reversed.problem().startsWith("@LatencyGate(p95 = \"200ms..100ms\") on method"
                + " OrderApiPerfTest#createOrder: in '200ms..100ms' the target 200ms is above the threshold 100ms"),
                reversed.problem());
    }

    @Test
    void ofSeveralBadBoundsTheSameOneIsReportedEveryTime() {
        for (int i = 0; i < 5; i++) {
            GateOutcome gate = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                    gate("LatencyGate", "p99", "x", "p50", "y", "mean", "z"))), "LatencyGate");
            assertTrue(gate.problem().startsWith("@LatencyGate(mean = \"z\")"), gate.problem());
        }
    }

    @Test
    void unknownGatesAndEmptyGatesFail() {
        GateOutcome unknown = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("SpeedGate", "p95", "1ms"))), "SpeedGate");
        assertEquals("OrderApiPerfTest#createOrder: unknown gate 'SpeedGate'; expected one of"
                + " [LatencyGate, ThroughputGate, ErrorRateGate, MemoryGate, DatabaseGate, FrontendGate]", unknown.problem());
        GateOutcome empty = only(evaluator.evaluate(completed(ordersOverTwoSeconds(), gate("LatencyGate"))),
                "LatencyGate");
        assertEquals(Verdict.FAIL, empty.verdict());
        assertEquals("@LatencyGate on method OrderApiPerfTest#createOrder sets no bound; set at least one of"
                + " [p50, p90, p95, p99, max, mean, cpuMean, cpuP50, cpuP95, cpuP99] (report: " + REPORT + ")", empty.problem());
    }

    @Test
    void aCorruptHistogramFailsNamingTheTest() {
        Measurement corrupt = new Measurement(10, 0, null, null, 1_000_000L, "bm90IGEgaGlzdG9ncmFt", null, null, null);
        GateOutcome gate = only(evaluator.evaluate(completed(corrupt, gate("LatencyGate", "p50", "1ms"))),
                "LatencyGate");
        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(gate.problem().startsWith("OrderApiPerfTest#createOrder: the recorded latency histogram is corrupt: "),
                gate.problem());
    }

    @Test
    void aLatencyWithoutAnySuccessFailsAsNotMeasured() {
        Measurement allThrew = measurement(new LatencyHistogram(), 10, FIRST_ERROR, 1_000_000L);
        TestOutcome outcome = evaluator.evaluate(completed(allThrew, gate("LatencyGate", "p50", "1ms")));
        assertEquals("p50 was declared but not measured: no successful invocation was recorded (all 10 threw)"
                + " (OrderApiPerfTest#createOrder, 0 samples, report: " + REPORT + ")",
                only(outcome, "LatencyGate").violationMessages().get(0));
        assertEquals(Verdict.FAIL, outcome.gates().get(1).verdict(), "and the errors fail the implicit gate");
    }

    @Test
    void nothingMeasuredIsNoThroughput() {
        Measurement nothing = new Measurement(0, 0, null, null, 0, null, null, null, null);
        GateOutcome gate = only(evaluator.evaluate(completed(nothing, gate("ThroughputGate", "min", "1/s"))),
                "ThroughputGate");
        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(gate.violationMessages().get(0).startsWith("throughput was declared but not measured: nothing was"
                + " measured"), gate.violationMessages().toString());
    }

    @Test
    void scopedGatesJudgeTheirEndpoint() {
        Measurement checkout = measurement(TestData.repeat(new LatencyHistogram(), ms(300), 400), 0, null, 1L << 30);
        Measurement browse = measurement(TestData.repeat(new LatencyHistogram(), ms(20), 400), 0, null, 1L << 30);
        GateDeclaration checkoutGate = new GateDeclaration("LatencyGate", Level.BLOCKING, false, "scenario shop",
                Map.of("p95", "200ms"), "checkout");
        GateDeclaration browseGate = new GateDeclaration("LatencyGate", Level.BLOCKING, false, "scenario shop",
                Map.of("p95", "200ms"), "browse");
        GateDeclaration missingGate = new GateDeclaration("LatencyGate", Level.BLOCKING, false, "scenario shop",
                Map.of("p95", "200ms"), "search");
        TestResult result = completed(ordersOverTwoSeconds(), checkoutGate, browseGate, missingGate)
                .completed(ordersOverTwoSeconds(), Map.of("checkout", checkout, "browse", browse));
        TestOutcome outcome = evaluator.evaluate(result);
        GateOutcome first = outcome.gates().get(0);
        assertEquals("@LatencyGate [checkout]", first.title());
        assertEquals("p95 = 300 ms exceeds the threshold 200 ms (OrderApiPerfTest#createOrder, endpoint checkout,"
                + " 400 samples, report: " + REPORT + ")", first.violationMessages().get(0));
        assertEquals(Verdict.PASS, outcome.gates().get(1).verdict());
        assertEquals("OrderApiPerfTest#createOrder: @LatencyGate on scenario shop names 'search', which recorded no"
                + " measurement (report: " + REPORT + ")", outcome.gates().get(2).problem());
    }

    @Test
    void aGeneratorBehindItsScheduleMakesTimingInconclusiveButNotMemory() {
        Measurement behind = TestData.withMemory(TestData.behindSchedule(ordersOverTwoSeconds(),
                "the generator fell behind its schedule: its dispatcher started 12% of 6,000 requests more than"
                        + " 50 ms late; lower the rate"), new MemoryMeasurement(1L << 20, null, null, null, null));
        TestOutcome outcome = evaluator.evaluate(completed(behind, gate("LatencyGate", "p95", "1s"),
                gate("MemoryGate", "heapAfterGc", "64MB")));
        GateOutcome latency = only(outcome, "LatencyGate");
        assertEquals(Verdict.INCONCLUSIVE, latency.verdict());
        assertEquals("p95 has no verdict " + WHERE + ": the generator fell behind its schedule: its dispatcher"
                + " started 12% of 6,000 requests more than 50 ms late; lower the rate",
                latency.violationMessages().get(0));
        assertNull(metric(latency, Metric.LATENCY_P95).value());
        assertEquals(Verdict.PASS, only(outcome, "MemoryGate").verdict());
        assertEquals(Verdict.INCONCLUSIVE, outcome.verdict());
        assertTrue(outcome.blocks());
    }

    @Test
    void withoutAReportTheMessageOmitsIt() {
        GateOutcome gate = only(new GateEvaluator(null).evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", "p95", "200ms"))), "LatencyGate");
        assertEquals("p95 = 231 ms exceeds the threshold 200 ms (OrderApiPerfTest#createOrder, 1,200 samples)",
                gate.violationMessages().get(0));
    }

    @Test
    void aWarningLevelFailureIsReportedButNeverBlocks() {
        GateOutcome gate = only(evaluator.evaluate(completed(ordersOverTwoSeconds(),
                gate("LatencyGate", Level.WARNING, "p95", "200ms"))), "LatencyGate");
        assertEquals(Verdict.FAIL, gate.verdict());
        assertFalse(gate.blocks());
        assertTrue(gate.violated());
        assertEquals(Level.WARNING, gate.level());
    }
}
