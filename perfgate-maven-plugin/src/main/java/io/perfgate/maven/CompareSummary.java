package io.perfgate.maven;

import io.perfgate.core.compare.ComparedTest;
import io.perfgate.core.compare.CompareReport;
import io.perfgate.core.compare.PairedComparison;
import io.perfgate.core.gate.Level;
import io.perfgate.core.regression.RegressionOutcome;

import java.util.ArrayList;
import java.util.List;

/** What {@code compare} prints and throws, from a {@link CompareReport}, in {@link CheckSummary}'s style. */
final class CompareSummary {

    private final CompareReport report;
    private final String reportPath;

    CompareSummary(CompareReport report, String reportPath) {
        this.report = report;
        this.reportPath = reportPath;
    }

    /** Counts; each regression at its level's severity; undecided, new and failed tests; the report. */
    List<CheckSummary.Line> lines() {
        List<CheckSummary.Line> lines = new ArrayList<>();
        lines.add(new CheckSummary.Line(CheckSummary.Severity.INFO, report.counts()));
        if (report.stoppedEarly() != null) {
            lines.add(new CheckSummary.Line(CheckSummary.Severity.WARN, "Stopped early: " + report.stoppedEarly()));
        }
        for (PairedComparison comparison : report.comparisons()) {
            CheckSummary.Severity severity = switch (comparison.outcome()) {
                case REGRESSED -> comparison.blocks() ? CheckSummary.Severity.ERROR
                        : comparison.level() == Level.WARNING ? CheckSummary.Severity.WARN : CheckSummary.Severity.INFO;
                case INCONCLUSIVE -> CheckSummary.Severity.WARN;
                case IMPROVED, UNCHANGED -> CheckSummary.Severity.INFO;
            };
            // every outcome named, as check names them: a passing build's log says UNCHANGED, not only nothing
            lines.add(new CheckSummary.Line(severity, "[" + comparison.outcome() + "] " + comparison.message()));
        }
        for (ComparedTest test : report.tests()) {
            if (test.status() != ComparedTest.Status.COMPARED) {
                lines.add(new CheckSummary.Line(test.status() == ComparedTest.Status.NEW ? CheckSummary.Severity.INFO
                        : CheckSummary.Severity.WARN, "[" + test.status() + "] " + test.label() + ": " + test.reason()));
            }
        }
        lines.add(new CheckSummary.Line(CheckSummary.Severity.INFO, "Report: " + reportPath));
        return lines;
    }

    /** Every blocking regression, where the report is, and the ways out. */
    String failureMessage() {
        List<PairedComparison> blocking = report.blocking();
        StringBuilder message = new StringBuilder("perfgate: ").append(blocking.size())
                .append(blocking.size() == 1 ? " blocking regression" : " blocking regressions")
                .append(" against the base ").append(report.base().describe()).append(':');
        for (PairedComparison comparison : blocking) {
            message.append(System.lineSeparator()).append("  [REGRESSED] ").append(comparison.message());
        }
        message.append(System.lineSeparator()).append("Report: ").append(reportPath).append(System.lineSeparator())
                .append("Fix the regression, or allow an intended change with -Dperfgate.regression.allowed=Test#method:metric=+N%"
                        + " (or lower the gate's level to WARNING); -Dperfgate.failOnViolation=false reports without"
                        + " failing the build.");
        return message.toString();
    }
}
