package io.perfgate.core.report;

import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static io.perfgate.core.report.Markup.escape;
import static io.perfgate.core.report.Markup.escapeAttribute;

/**
 * {@code TEST-perfgate.xml}: JUnit XML (the surefire dialect CI servers read) with one test suite
 * {@code perfgate} and one test case per gate, so CI test tabs list gate failures. Blocking violations are
 * failures; skipped work is skipped; warnings and other non-blocking violations go to system-out.
 */
public final class JUnitXmlWriter implements ReportWriter {

    private record Case(String className, String name, double seconds, GateOutcome gate, TestOutcome test,
                        List<ReportRow> rows) {
    }

    /** JUnit XML's timestamp has no zone; it is UTC here. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public String fileName() {
        return "TEST-perfgate.xml";
    }

    @Override
    public String render(CheckReport report) {
        List<Case> cases = new ArrayList<>();
        for (TestOutcome test : report.tests()) {
            double seconds = seconds(test.result().measurement());
            String className = Objects.toString(test.result().className(), "?");
            List<ReportRow> rows = ReportRow.of(test);
            if (test.gates().isEmpty()) {
                cases.add(new Case(className, ReportRow.testName(test), seconds, null, test, List.of()));
            }
            for (GateOutcome gate : test.gates()) {
                String name = ReportRow.testName(test) + " " + gate.title() + (gate.implicit() ? " (implicit)" : "");
                cases.add(new Case(className, name, seconds, gate, test,
                        rows.stream().filter(row -> row.gate() == gate).toList()));
            }
        }
        List<Regressions> regressions = regressions(report);
        long failures = cases.stream().filter(c -> c.gate() != null && c.gate().blocks()).count()
                + regressions.stream().filter(Regressions::blocks).count();
        long skipped = cases.stream().filter(JUnitXmlWriter::skipped).count();
        double totalSeconds = report.tests().stream().mapToDouble(test -> seconds(test.result().measurement())).sum();

        StringBuilder out = new StringBuilder(8192);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"perfgate\" tests=\"").append(cases.size() + regressions.size())
                .append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"")
                .append(seconds(totalSeconds)).append('"');
        if (report.generatedAt() != null) {
            out.append(" timestamp=\"").append(TIMESTAMP.format(report.generatedAt())).append('"');
        }
        out.append(">\n  <properties>\n");
        property(out, "perfgate.project", report.projectName());
        property(out, "perfgate.report", report.reportLocation());
        property(out, "perfgate.status", ReportSummary.of(report).headline());
        out.append("  </properties>\n");
        for (Case c : cases) {
            testCase(out, c);
        }
        for (Regressions r : regressions) {
            regressionCase(out, r);
        }
        out.append("</testsuite>\n");
        return out.toString();
    }

    /** One test case per compared test: "OrderTest#create vs baseline", failing on a blocking regression. */
    private record Regressions(String className, String name, List<BaselineComparison.Compared> compared) {
        boolean blocks() {
            return compared.stream().anyMatch(BaselineComparison.Compared::blocks);
        }
    }

    private static List<Regressions> regressions(CheckReport report) {
        List<Regressions> list = new ArrayList<>();
        if (report.baseline() == null) {
            return list;
        }
        java.util.Map<String, List<BaselineComparison.Compared>> byTest = new java.util.LinkedHashMap<>();
        report.baseline().comparisons().forEach(c -> byTest.computeIfAbsent(c.comparison().testId(),
                k -> new ArrayList<>()).add(c));
        for (TestOutcome test : report.tests()) {
            List<BaselineComparison.Compared> compared = byTest.get(test.result().id());
            if (compared != null) {
                list.add(new Regressions(Objects.toString(test.result().className(), "?"),
                        ReportRow.testName(test) + " vs baseline", compared));
            }
        }
        return list;
    }

    private static void regressionCase(StringBuilder out, Regressions r) {
        out.append("  <testcase classname=\"").append(escapeAttribute(r.className())).append("\" name=\"")
                .append(escapeAttribute(r.name())).append("\" time=\"0.000\"");
        List<String> blocking = r.compared().stream().filter(BaselineComparison.Compared::blocks)
                .map(BaselineComparison.Compared::message).toList();
        List<String> others = r.compared().stream().filter(c -> !c.blocks()
                        && c.comparison().outcome() != RegressionOutcome.UNCHANGED)
                .map(c -> c.comparison().outcome() + " (" + c.level() + "): " + c.message()).toList();
        if (blocking.isEmpty() && others.isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        if (!blocking.isEmpty()) {
            out.append("    <failure message=\"").append(escapeAttribute(blocking.get(0)))
                    .append("\" type=\"perfgate.REGRESSED\">").append(escape(String.join("\n", blocking)))
                    .append("</failure>\n");
        }
        if (!others.isEmpty()) {
            out.append("    <system-out>").append(escape(String.join("\n", others))).append("</system-out>\n");
        }
        out.append("  </testcase>\n");
    }

    private static boolean skipped(Case c) {
        return c.gate() == null ? c.test().verdict() == Verdict.SKIPPED : c.gate().verdict() == Verdict.SKIPPED;
    }

    private static void testCase(StringBuilder out, Case c) {
        out.append("  <testcase classname=\"").append(escapeAttribute(c.className())).append("\" name=\"")
                .append(escapeAttribute(c.name())).append("\" time=\"").append(seconds(c.seconds())).append('"');
        TestResult result = c.test().result();
        if (c.gate() != null && c.gate().blocks()) {
            List<String> messages = c.rows().stream().filter(ReportRow::blocks).map(ReportRow::message).toList();
            String first = messages.isEmpty() ? c.gate().verdict().name() : messages.get(0);
            out.append(">\n    <failure message=\"").append(escapeAttribute(first)).append("\" type=\"perfgate.")
                    .append(c.gate().verdict()).append("\">").append(escape(String.join("\n", messages)))
                    .append("</failure>\n");
            nonBlocking(out, c);
            out.append("  </testcase>\n");
        } else if (skipped(c)) {
            out.append(">\n    <skipped");
            if (result.statusReason() != null) {
                out.append(" message=\"").append(escapeAttribute(result.statusReason())).append('"');
            }
            out.append("/>\n  </testcase>\n");
        } else if (c.rows().stream().anyMatch(ReportRow::violated)) {
            out.append(">\n");
            nonBlocking(out, c);
            out.append("  </testcase>\n");
        } else {
            out.append("/>\n");
        }
    }

    /** Warnings, WARNING- and ADVISORY-level failures and allowed INCONCLUSIVEs, for the CI log. */
    private static void nonBlocking(StringBuilder out, Case c) {
        List<String> lines = c.rows().stream().filter(row -> row.violated() && !row.blocks())
                .map(row -> row.verdict() + " (" + row.gate().level() + "): " + row.message()).toList();
        if (!lines.isEmpty()) {
            out.append("    <system-out>").append(escape(String.join("\n", lines))).append("</system-out>\n");
        }
    }

    private static void property(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append("    <property name=\"").append(escapeAttribute(name)).append("\" value=\"")
                    .append(escapeAttribute(value)).append("\"/>\n");
        }
    }

    private static double seconds(Measurement measurement) {
        return measurement == null ? 0 : measurement.durationNanos() / 1e9;
    }

    /** Seconds with three decimals and a point, in every locale. */
    private static String seconds(double seconds) {
        return BigDecimal.valueOf(seconds).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
