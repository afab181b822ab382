package io.perfgate.maven;

import io.perfgate.core.compare.BaseCommit;
import io.perfgate.core.compare.ComparedTest;
import io.perfgate.core.compare.CompareReport;
import io.perfgate.core.compare.PairedComparison;
import io.perfgate.core.compare.PairedMetric;
import io.perfgate.core.gate.Level;
import io.perfgate.core.regression.AllowedChange;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.result.ResultKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareSummaryTest {

    private static final BaseCommit BASE = new BaseCommit("0123456789abcdef", "origin/main", "Cache prices");

    private static PairedComparison comparison(String test, Level level, RegressionOutcome outcome, String message) {
        return new PairedComparison("[id:" + test + "]", test, PairedMetric.P95, level, new AllowedChange(0.2), outcome,
                new double[] {1, 1, 1, 1, 1}, new double[] {2, 2, 2, 2, 2}, 1, 2, 2, 1.9, 2.1, 0.03, 0.03, 1, message);
    }

    private static CompareReport report(PairedComparison... comparisons) {
        List<ComparedTest> tests = new java.util.ArrayList<>();
        for (PairedComparison comparison : comparisons) {
            tests.add(new ComparedTest(comparison.testId(), comparison.testLabel(), ResultKind.JUNIT,
                    ComparedTest.Status.COMPARED, null, List.of(comparison)));
        }
        tests.add(new ComparedTest("[id:New#added]", "New#added", ResultKind.JUNIT, ComparedTest.Status.NEW,
                "new in head", List.of()));
        return new CompareReport(BASE, 5, 5, null, "Holm", tests, "forks");
    }

    @Test
    void aBlockingRegressionIsAnErrorAndTheFailureNamesTestBaseAndWayOut() {
        CompareSummary summary = new CompareSummary(report(comparison("OrderTest#create", Level.BLOCKING,
                RegressionOutcome.REGRESSED, "p95 +100% [+90%, +110%] vs base exceeds the allowed +20%")), "compare.html");
        assertTrue(summary.lines().contains(new CheckSummary.Line(CheckSummary.Severity.ERROR,
                "[REGRESSED] p95 +100% [+90%, +110%] vs base exceeds the allowed +20%")));
        assertTrue(summary.lines().contains(new CheckSummary.Line(CheckSummary.Severity.INFO,
                "[NEW] New#added: new in head")));
        String failure = summary.failureMessage();
        assertTrue(failure.startsWith("perfgate: 1 blocking regression against the base 0123456789 (origin/main: Cache"
                + " prices):" + System.lineSeparator() + "  [REGRESSED] p95 +100%"), failure);
        assertTrue(failure.contains("-Dperfgate.failOnViolation=false reports without failing the build."), failure);
    }

    @Test
    void everyOutcomeIsNamed() {
        CompareSummary summary = new CompareSummary(report(
                comparison("OrderTest#create", Level.BLOCKING, RegressionOutcome.UNCHANGED, "p50 +1% within"),
                comparison("OrderTest#list", Level.BLOCKING, RegressionOutcome.IMPROVED, "p50 -30% better"),
                comparison("OrderTest#cancel", Level.BLOCKING, RegressionOutcome.INCONCLUSIVE, "p50 undecided")),
                "compare.html");
        assertTrue(summary.lines().contains(new CheckSummary.Line(CheckSummary.Severity.INFO,
                "[UNCHANGED] p50 +1% within")), summary.lines()::toString);
        assertTrue(summary.lines().contains(new CheckSummary.Line(CheckSummary.Severity.INFO,
                "[IMPROVED] p50 -30% better")), summary.lines()::toString);
        assertTrue(summary.lines().contains(new CheckSummary.Line(CheckSummary.Severity.WARN,
                "[INCONCLUSIVE] p50 undecided")), summary.lines()::toString);
    }

    @Test
    void aResultCompareLeftOutIsAWarningNamingWhyAndBlocksNothing() {
        List<ComparedTest> tests = List.of(new ComparedTest("page:home", "pages.yaml#home", ResultKind.LIGHTHOUSE,
                ComparedTest.Status.LEFT_OUT, "not compared with the base: compare runs no browser", List.of()));
        CompareReport report = new CompareReport(BASE, 5, 5, null, "Holm", tests, "forks");
        assertTrue(report.blocking().isEmpty());
        // a gap in what compare checked, not news like a new test: a warning
        assertTrue(new CompareSummary(report, "compare.html").lines().contains(new CheckSummary.Line(
                CheckSummary.Severity.WARN, "[LEFT_OUT] pages.yaml#home: not compared with the base: compare runs no"
                + " browser")));
    }

    @Test
    void aWarningLevelRegressionIsAWarningAndBlocksNothing() {
        CompareReport report = report(comparison("OrderTest#create", Level.WARNING, RegressionOutcome.REGRESSED, "slower"));
        assertTrue(report.blocking().isEmpty());
        assertEquals(CheckSummary.Severity.WARN, new CompareSummary(report, "compare.html").lines().get(1).severity());
    }

    @Test
    void defaultPairsGrowWithTheProfile() {
        assertEquals(6, CompareMojo.defaultPairs(io.perfgate.core.measure.Profile.SMOKE));
        assertEquals(10, CompareMojo.defaultPairs(io.perfgate.core.measure.Profile.STANDARD));
        assertEquals(20, CompareMojo.defaultPairs(io.perfgate.core.measure.Profile.COMPREHENSIVE));
    }
}
