package io.perfgate.maven;

import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.profile.HotMethods;
import io.perfgate.core.result.Measurement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code check} prints and throws, worked out from a {@link CheckReport} without any Maven type:
 * counts, one line per violation at the severity its level calls for, and the failure message.
 */
final class CheckSummary {

    /** How loud a console line is; the mojo maps it to its log. */
    enum Severity { INFO, WARN, ERROR }

    /** One console line. */
    record Line(Severity severity, String text) {
    }

    private final CheckReport report;
    private final String reportPath;
    private final boolean regressionDetails;

    /**
     * @param reportPath        the HTML report as the user should open it (absolute), printed last
     * @param regressionDetails print every undecided comparison instead of a summary ({@link BaselineLines})
     */
    CheckSummary(CheckReport report, String reportPath, boolean regressionDetails) {
        this.report = report;
        this.reportPath = reportPath;
        this.regressionDetails = regressionDetails;
    }

    /** Counts, then every violation (blocking ones as errors, WARNING level as warnings, ADVISORY as info), then the report. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Severity.INFO, counts()));
        for (TestOutcome test : report.tests()) {
            for (GateOutcome gate : test.gates()) {
                if (gate.blocks()) {
                    messages(gate).forEach(message -> lines.add(new Line(Severity.ERROR, message)));
                } else if (gate.violated()) {
                    Severity severity = gate.level() == Level.ADVISORY ? Severity.INFO : Severity.WARN;
                    messages(gate).forEach(message -> lines.add(new Line(severity, message)));
                }
            }
        }
        lines.addAll(new BaselineLines(report.baseline(), regressionDetails).lines());
        hotSpots().forEach(hotSpot -> lines.add(new Line(Severity.ERROR, hotSpot)));
        lines.add(new Line(Severity.INFO, "Report: " + reportPath));
        return lines;
    }

    /** {@code Perf tests: 4, Passed: 2, Warned: 1, Failed: 1, Inconclusive: 0, Skipped: 0, Blocking violations: 1}. */
    String counts() {
        Map<Verdict, Integer> counts = report.countsByVerdict();
        return "Perf tests: " + report.tests().size()
                + ", Passed: " + counts.get(Verdict.PASS)
                + ", Warned: " + counts.get(Verdict.WARN)
                + ", Failed: " + counts.get(Verdict.FAIL)
                + ", Inconclusive: " + counts.get(Verdict.INCONCLUSIVE)
                + ", Skipped: " + counts.get(Verdict.SKIPPED)
                + (counts.get(Verdict.WAIVED) > 0 ? ", Waived: " + counts.get(Verdict.WAIVED) : "")
                + ", Blocking violations: " + report.blockingViolations().size();
    }

    /** The message a build failure carries: every blocking violation and regression, where the report is, and the ways out. */
    String failureMessage() {
        List<GateOutcome> blocking = report.blockingViolations();
        List<BaselineComparison.Finding> regressions = report.baseline() == null ? List.of()
                : report.baseline().blockingFindings();
        StringBuilder message = new StringBuilder("perfgate: ");
        if (!blocking.isEmpty()) {
            message.append(blocking.size()).append(blocking.size() == 1 ? " blocking gate violation" : " blocking gate violations");
        }
        if (!regressions.isEmpty()) {
            message.append(blocking.isEmpty() ? "" : " and ").append(regressions.size())
                    .append(regressions.size() == 1 ? " blocking regression" : " blocking regressions")
                    .append(" against the baseline");
        }
        message.append(':');
        for (GateOutcome gate : blocking) {
            for (String line : messages(gate)) {
                message.append(System.lineSeparator()).append("  ").append(line);
            }
        }
        for (BaselineComparison.Finding finding : regressions) {
            message.append(System.lineSeparator()).append("  [").append(finding.kind()).append("] ")
                    .append(finding.message());
        }
        for (String hotSpot : hotSpots()) {
            message.append(System.lineSeparator()).append("  ").append(hotSpot);
        }
        message.append(System.lineSeparator()).append("Report: ").append(reportPath).append(System.lineSeparator());
        if (!blocking.isEmpty()) {
            message.append("Make the code meet the bound, or change the gate's bound or level (WARNING or ADVISORY"
                    + " reports without failing);");
        }
        if (!regressions.isEmpty()) {
            message.append(blocking.isEmpty() ? "" : " ").append("fix the regression, or accept an intended change"
                    + " with mvn perfgate:baseline -Dperfgate.accept=Test#method:metric -Dperfgate.reason=\"...\";");
        }
        message.append(" -Dperfgate.failOnViolation=false reports without failing the build.");
        return message.toString();
    }

    /**
     * {@code Hot spots of OrderTest#create: OrderPricing.applyDiscounts 41 %, ...}: the top three methods by self
     * time of each test that fails the build (a blocking gate or a blocking regression) and was profiled.
     */
    List<String> hotSpots() {
        Set<String> failing = new HashSet<>();
        report.tests().stream().filter(TestOutcome::blocks).forEach(test -> failing.add(test.result().id()));
        if (report.baseline() != null) {
            report.baseline().comparisons().stream().filter(BaselineComparison.Compared::blocks)
                    .forEach(compared -> failing.add(compared.comparison().testId()));
        }
        List<String> lines = new ArrayList<>();
        for (TestOutcome test : report.tests()) {
            Measurement measurement = test.result().measurement();
            if (failing.contains(test.result().id()) && measurement != null && measurement.profile() != null) {
                String top = HotMethods.topLine(measurement.profile(), 3);
                if (!top.isEmpty()) {
                    lines.add("Hot spots of " + test.result().label() + ": " + top);
                }
            }
        }
        return lines;
    }

    /** The gate's violation lines, as {@link GateOutcome#violationLines()} words them for IDE runs too. */
    static List<String> messages(GateOutcome gate) {
        return gate.violationLines();
    }
}
