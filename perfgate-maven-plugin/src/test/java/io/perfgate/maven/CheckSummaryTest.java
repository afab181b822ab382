package io.perfgate.maven;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.trend.TrendFinding;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.waiver.Waiver;
import io.perfgate.core.waiver.Waivers;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckSummaryTest {

    private static final String REPORT = "target/perfgate/index.html";

    /** A completed test whose every invocation took {@code millis}. */
    private static TestResult measured(String method, long invocations, long millis, GateDeclaration... gates) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < invocations; i++) {
            histogram.record(millis * 1_000_000L);
        }
        return TestResult.declared(ResultKind.JUNIT, "[engine:junit-jupiter]/[class:app.OrderTest]/[method:" + method + "()]",
                        "app.OrderTest", method, method + "()", List.of(gates), null)
                .completed(new Measurement(invocations, 0, null, null, invocations * millis * 1_000_000L,
                        histogram.encode(), null, null, null));
    }

    private static GateDeclaration latency(Level level, String p95) {
        return new GateDeclaration("LatencyGate", level, false, "method OrderTest", Map.of("p95", p95), null);
    }

    private static CheckSummary summaryOf(TestResult... results) {
        return new CheckSummary(CheckReport.of("app", REPORT, List.of(results)), "/abs/app/" + REPORT, false);
    }

    @Test
    void aWaivedViolationIsAWarningCountedAsWaivedAndAnExpiredOneFailsNamingTheWaiver() {
        CheckReport report = CheckReport.of("app", REPORT, List.of(measured("slow", 1000, 5,
                latency(Level.BLOCKING, "1ms"))));
        Waiver waiver = new Waiver("OrderTest#slow", null, "p95", "PRJ-42", "alice", LocalDate.of(2026, 6, 30),
                ".perfgate/waivers.yaml line 2");

        CheckSummary waived = new CheckSummary(Waivers.apply(report, List.of(waiver), LocalDate.of(2026, 6, 30))
                .report(), "/abs/app/" + REPORT, false);
        List<CheckSummary.Line> lines = waived.lines();
        assertEquals("Perf tests: 1, Passed: 0, Warned: 0, Failed: 0, Inconclusive: 0, Skipped: 0, Waived: 1,"
                + " Blocking violations: 0", lines.get(0).text());
        CheckSummary.Line line = lines.get(1);
        assertEquals(CheckSummary.Severity.WARN, line.severity());
        assertTrue(line.text().startsWith("[WAIVED] @LatencyGate: p95 = 5 ms exceeds the threshold 1 ms"), line.text());
        assertTrue(line.text().endsWith("; waived by alice until 2026-06-30 (.perfgate/waivers.yaml line 2): PRJ-42"),
                line.text());

        CheckSummary expired = new CheckSummary(Waivers.apply(report, List.of(waiver), LocalDate.of(2026, 7, 1))
                .report(), "/abs/app/" + REPORT, false);
        String failure = expired.failureMessage();
        assertTrue(failure.startsWith("perfgate: 1 blocking gate violation:"), failure);
        assertTrue(failure.contains("the waiver approved by alice (.perfgate/waivers.yaml line 2) expired on 2026-06-30"
                + " and no longer applies"), failure);
    }

    @Test
    void blockingFailureIsAnErrorNamingGateMetricValueBoundAndTest() {
        CheckSummary summary = summaryOf(measured("slow", 1000, 5, latency(Level.BLOCKING, "1ms")),
                measured("fast", 1000, 1, latency(Level.BLOCKING, "50ms")));
        List<CheckSummary.Line> lines = summary.lines();

        assertEquals(new CheckSummary.Line(CheckSummary.Severity.INFO, "Perf tests: 2, Passed: 1, Warned: 0, Failed: 1,"
                + " Inconclusive: 0, Skipped: 0, Blocking violations: 1"), lines.get(0));
        List<CheckSummary.Line> errors = lines.stream().filter(l -> l.severity() == CheckSummary.Severity.ERROR).toList();
        assertEquals(1, errors.size());
        String error = errors.get(0).text();
        assertTrue(error.startsWith("[FAIL] @LatencyGate: p95 = "), error);
        assertTrue(error.contains("exceeds the threshold 1 ms"), error);
        assertTrue(error.contains("OrderTest#slow"), error);
        assertTrue(error.contains("report: " + REPORT), error);
        assertEquals(new CheckSummary.Line(CheckSummary.Severity.INFO, "Report: /abs/app/" + REPORT), lines.get(lines.size() - 1));

        String failure = summary.failureMessage();
        assertTrue(failure.startsWith("perfgate: 1 blocking gate violation:"), failure);
        assertTrue(failure.contains(error), failure);
        assertTrue(failure.contains("perfgate.failOnViolation=false"), failure);
        assertFalse(failure.contains("OrderTest#fast"), failure);
    }

    @Test
    void warningLevelViolationIsAWarningAndAdvisoryIsInformation() {
        CheckSummary summary = summaryOf(measured("warned", 1000, 5, latency(Level.WARNING, "1ms")),
                measured("advised", 1000, 5, latency(Level.ADVISORY, "1ms")));
        List<CheckSummary.Line> lines = summary.lines();

        assertTrue(lines.stream().noneMatch(l -> l.severity() == CheckSummary.Severity.ERROR), lines::toString);
        List<CheckSummary.Line> warnings = lines.stream().filter(l -> l.severity() == CheckSummary.Severity.WARN).toList();
        assertEquals(1, warnings.size(), lines::toString);
        assertTrue(warnings.get(0).text().startsWith("[FAIL] @LatencyGate (level WARNING): p95 = "), warnings.toString());
        assertTrue(warnings.get(0).text().contains("OrderTest#warned"), warnings.toString());
        assertTrue(lines.stream().anyMatch(l -> l.severity() == CheckSummary.Severity.INFO
                && l.text().startsWith("[FAIL] @LatencyGate (level ADVISORY): p95 = ") && l.text().contains("OrderTest#advised")),
                lines::toString);
        assertTrue(lines.get(0).text().endsWith("Blocking violations: 0"), lines.get(0).text());
    }

    @Test
    void targetExceededOnABlockingGateWarns() {
        List<CheckSummary.Line> lines = summaryOf(measured("near", 1000, 5, latency(Level.BLOCKING, "2ms..50ms"))).lines();
        assertTrue(lines.stream().anyMatch(l -> l.severity() == CheckSummary.Severity.WARN
                && l.text().startsWith("[WARN] @LatencyGate: p95 = ") && l.text().contains("exceeds the target 2 ms")),
                lines::toString);
    }

    @Test
    void anUnusableBoundIsReportedAsTheProblemNamingTheAnnotation() {
        List<CheckSummary.Line> lines = summaryOf(measured("odd", 1000, 1, latency(Level.BLOCKING, "200 parsecs"))).lines();
        CheckSummary.Line error = lines.stream().filter(l -> l.severity() == CheckSummary.Severity.ERROR).findFirst().orElseThrow();
        assertTrue(error.text().startsWith("[FAIL] "), error.text());
        assertTrue(error.text().contains("@LatencyGate(p95 = \"200 parsecs\")"), error.text());
    }

    @Test
    void tooFewSamplesBlockUnlessAllowed() {
        TestResult few = measured("few", 20, 1, latency(Level.BLOCKING, "50ms"));
        CheckSummary strict = summaryOf(few);
        assertTrue(strict.lines().stream().anyMatch(l -> l.severity() == CheckSummary.Severity.ERROR
                && l.text().startsWith("[INCONCLUSIVE] @LatencyGate: p95 needs at least")), strict.lines()::toString);

        CheckReport relaxed = CheckReport.of("app", REPORT, List.of(few), false);
        assertFalse(relaxed.hasBlockingViolations());
        assertTrue(new CheckSummary(relaxed, REPORT, false).lines().stream().anyMatch(l -> l.severity() == CheckSummary.Severity.WARN
                && l.text().startsWith("[INCONCLUSIVE] @LatencyGate")));
    }

    @Test
    void anErrorThrownWithoutAnErrorRateGateIsNamedAsTheImplicitGate() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(1_000_000L);
        TestResult result = TestResult.declared(ResultKind.JUNIT, "id-throws", "app.OrderTest", "throwing", "throwing()",
                        List.of(latency(Level.BLOCKING, "50ms")), null)
                .completed(new Measurement(2, 1, Map.of("java.lang.IllegalStateException", 1L), "java.lang.IllegalStateException: boom",
                        2_000_000L, histogram.encode(), null, null, null));
        String failure = summaryOf(result).failureMessage();
        assertTrue(failure.contains("[FAIL] no exception allowed (no @ErrorRateGate declared): error rate = "), failure);
        assertTrue(failure.contains("boom"), failure);
    }

    @Test
    void aBoundViolationIsNotCalledARegression() {
        String failure = summaryOf(measured("slow", 1000, 5, latency(Level.BLOCKING, "1ms"))).failureMessage();

        assertTrue(failure.contains("[FAIL] @LatencyGate: p95 = 5 ms exceeds the threshold 1 ms"), failure);
        assertTrue(failure.contains("Make the code meet the bound, or change the gate's bound or level"), failure);
        assertFalse(failure.toLowerCase(java.util.Locale.ROOT).contains("regress"), failure);
    }

    @Test
    void baselineFindingsAreLabelledByTheirKindNotByTheirText() {
        TrendFinding trend = new TrendFinding("id", "OrderTest#create", null, List.of(), List.of(), 3,
                List.of("p95 grew in 3 runs in a row (app/.perfgate/history/run.json: 12 ms to 15 ms)"));
        BaselineComparison baseline = new BaselineComparison(true, List.of(), List.of(trend), Level.BLOCKING,
                List.of("baseline file unreadable: .perfgate/baselines/x.json"), List.of(),
                List.of(".perfgate/history/bad.json: unreadable history run (x); ignored"), null, null);
        CheckReport report = CheckReport.of("app", REPORT, List.of(measured("fast", 1000, 1,
                latency(Level.BLOCKING, "50ms")))).withBaseline(baseline);

        String failure = new CheckSummary(report, REPORT, false).failureMessage();

        assertTrue(failure.contains("  [TREND] p95 grew in 3 runs in a row (app/.perfgate/history/run.json: "),
                failure);
        assertTrue(failure.contains("  [BASELINE] baseline file unreadable: .perfgate/baselines/x.json"), failure);
        assertFalse(failure.contains("[REGRESSED]"), failure);
        assertTrue(failure.contains("fix the regression, or accept an intended change"), failure);
        assertTrue(new CheckSummary(report, REPORT, false).lines().contains(new CheckSummary.Line(CheckSummary.Severity.WARN,
                "[HISTORY] .perfgate/history/bad.json: unreadable history run (x); ignored")),
                "an unreadable history file is a warning");
    }
}
