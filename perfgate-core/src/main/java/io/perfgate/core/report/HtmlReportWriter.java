package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.ResultFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.perfgate.core.report.Markup.escape;

/**
 * {@code index.html}: a surefire-style report that opens offline: summary counts, violations, a table per class,
 * then the tests: each in full ({@link TestSection}: one row per gate metric and an inline-SVG latency percentile
 * chart), or, in a large report, passing ones as compact rows ({@link CompactTests}). No script, no external
 * resource; every string from the results is escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

    @Override
    public String fileName() {
        return "index.html";
    }

    @Override
    public String render(CheckReport report) {
        StringBuilder out = new StringBuilder(16_384);
        ReportSummary summary = ReportSummary.of(report);
        String project = report.projectName() == null ? "" : report.projectName();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>perfgate report").append(project.isEmpty() ? "" : " - " + escape(project))
                .append("</title>\n<style>\n").append(HtmlStyle.CSS)
                .append(report.baseline() == null ? "" : BaselineSection.CSS).append(ProfileSection.css(report)).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>perfgate report").append(project.isEmpty() ? "" : ": " + escape(project))
                .append("</h1>\n<p class=\"meta\">Generated ").append(escape(ReportSummary.time(report.generatedAt())))
                .append("</p>\n<p class=\"status s-").append(summary.status()).append("\">")
                .append(escape(summary.headline())).append("</p>\n</header>\n");
        summaryTable(out, summary);
        ContentionFigures.of(report).ifPresent(figures -> out.append("<p class=\"meta contention\">")
                .append(escape(figures.line())).append("</p>\n"));
        List<String> shared = sharedDistortions(report);
        if (!shared.isEmpty()) {
            out.append("<p class=\"distortion\">Timing of every test is distorted by: ")
                    .append(escape(String.join("; ", shared)))
                    .append(". Compare such results only with results taken the same way.</p>\n");
        }
        violations(out, report);
        waivers(out, report);
        recommendations(out, report);
        BaselineSection.render(out, report);
        classTable(out, report);
        benchmarkTable(out, report);
        tests(out, report, shared);
        out.append("<footer>\n<p>Latency is of successful invocations, warmup excluded. A 95% CI is a"
                + " distribution-free confidence interval of the percentile. Bounds read target..threshold:"
                + " beyond the target WARN, beyond the threshold FAIL; only BLOCKING gates fail the build.</p>\n"
                + "</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void summaryTable(StringBuilder out, ReportSummary summary) {
        out.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<tr><th class=\"num\">Tests</th>"
                + "<th class=\"num\">Passed</th><th class=\"num\">Warned</th><th class=\"num\">Failed</th>"
                + "<th class=\"num\">Inconclusive</th><th class=\"num\">Skipped</th>"
                + (summary.waived() > 0 ? "<th class=\"num\">Waived</th>" : "")
                + "<th class=\"num\">Blocking violations</th></tr>\n<tr>");
        int[] counts = summary.waived() > 0
                ? new int[] {summary.tests(), summary.passed(), summary.warned(), summary.failed(),
                        summary.inconclusive(), summary.skipped(), summary.waived(), summary.blockingViolations()}
                : new int[] {summary.tests(), summary.passed(), summary.warned(), summary.failed(),
                        summary.inconclusive(), summary.skipped(), summary.blockingViolations()};
        for (int count : counts) {
            out.append("<td class=\"num\">").append(QuantityKind.grouped(count)).append("</td>");
        }
        out.append("</tr>\n</table>\n");
    }

    private static void violations(StringBuilder out, CheckReport report) {
        List<ReportRow> rows = ReportRow.of(report).stream().filter(ReportRow::violated).toList();
        List<ReportRow> blocking = rows.stream().filter(ReportRow::blocks).toList();
        List<ReportRow> others = rows.stream().filter(row -> !row.blocks()).toList();
        if (!blocking.isEmpty()) {
            out.append("<h2 id=\"blocking\">Blocking violations</h2>\n");
            violationList(out, blocking);
        }
        if (!others.isEmpty()) {
            out.append("<h2 id=\"non-blocking\">Warnings and other non-blocking violations</h2>\n");
            violationList(out, others);
        }
    }

    /** Every waiver a violation met: applied ones excuse it, expired ones are why it still fails. */
    private static void waivers(StringBuilder out, CheckReport report) {
        if (report.waivers().isEmpty()) {
            return;
        }
        out.append("<h2 id=\"waivers\">Waivers</h2>\n<table class=\"waivers\">\n<tr><th>Status</th><th>Test</th>"
                + "<th>Gate</th><th>Metric</th><th>Judged</th><th>Approver</th><th>Expires</th><th>Reason</th>"
                + "<th>Written at</th></tr>\n");
        for (io.perfgate.core.check.Waived waived : report.waivers()) {
            out.append("<tr><td class=\"verdict v-").append(waived.expired() ? "FAIL" : "WAIVED").append("\">").append(waived.status())
                    .append("</td><td>").append(escape(waived.test())).append("</td><td>")
                    .append(escape(waived.gateTitle())).append("</td><td>").append(escape(waived.metric().label()))
                    .append("</td><td>").append(waived.judged()).append("</td><td>").append(escape(waived.approver()))
                    .append("</td><td>").append(waived.expires()).append("</td><td>").append(escape(waived.reason()))
                    .append("</td><td>").append(escape(waived.source())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** The ranked recommendations, each with the evidence that triggered it. */
    private static void recommendations(StringBuilder out, CheckReport report) {
        if (report.recommendations().isEmpty()) {
            return;
        }
        out.append("<h2 id=\"recommendations\">Recommendations</h2>\n<ol class=\"recommendations\">\n");
        for (io.perfgate.core.recommend.Recommendation r : report.recommendations()) {
            out.append("<li><strong>").append(escape(r.title())).append("</strong> in ").append(escape(r.test()))
                    .append(": ").append(escape(r.evidence().describe())).append(". <em>")
                    .append(escape(r.advice())).append("</em> <span class=\"meta\">(rule ").append(escape(r.rule()))
                    .append(")</span></li>\n");
        }
        out.append("</ol>\n");
    }

    private static void violationList(StringBuilder out, List<ReportRow> rows) {
        out.append("<ol class=\"violations\">\n");
        for (ReportRow row : rows) {
            out.append("<li><span class=\"verdict v-").append(row.verdict()).append("\">").append(row.verdict())
                    .append("</span> <a href=\"#").append(testAnchor(row.test())).append("\">")
                    .append(escape(row.test().label())).append("</a> ").append(escape(row.gateTitle()))
                    .append(" (").append(row.gate().level())
                    .append(row.gate().declaration().allowInconclusive() && row.verdict() == Verdict.INCONCLUSIVE
                            ? ", inconclusive allowed" : "")
                    .append("): ").append(escape(row.message()))
                    .append("</li>\n");
        }
        out.append("</ol>\n");
    }

    private static void classTable(StringBuilder out, CheckReport report) {
        Map<String, List<TestOutcome>> byClass = byClass(report);
        // as in the summary, a Waived column only when a violation was waived
        boolean waived = report.tests().stream().anyMatch(test -> test.verdict() == Verdict.WAIVED);
        List<Verdict> columns = new ArrayList<>(List.of(Verdict.PASS, Verdict.WARN, Verdict.FAIL,
                Verdict.INCONCLUSIVE, Verdict.SKIPPED));
        if (waived) {
            columns.add(Verdict.WAIVED);
        }
        out.append("<h2 id=\"classes\">Classes</h2>\n<table class=\"classes\">\n<tr><th>Class</th>"
                + "<th class=\"num\">Tests</th><th class=\"num\">Passed</th><th class=\"num\">Warned</th>"
                + "<th class=\"num\">Failed</th><th class=\"num\">Inconclusive</th><th class=\"num\">Skipped</th>"
                + (waived ? "<th class=\"num\">Waived</th>" : "") + "<th>Verdict</th></tr>\n");
        for (Map.Entry<String, List<TestOutcome>> entry : byClass.entrySet()) {
            List<TestOutcome> tests = entry.getValue();
            Verdict worst = Verdict.worst(tests.stream().map(TestOutcome::verdict).toList());
            out.append("<tr><td><a href=\"#").append(classAnchor(entry.getKey())).append("\">")
                    .append(escape(entry.getKey())).append("</a></td><td class=\"num\">").append(tests.size())
                    .append("</td>");
            for (Verdict verdict : columns) {
                out.append("<td class=\"num\">").append(tests.stream().filter(t -> t.verdict() == verdict).count())
                        .append("</td>");
            }
            out.append("<td class=\"verdict v-").append(worst).append("\">").append(worst)
                    .append(tests.stream().anyMatch(TestOutcome::blocks) ? "<span class=\"blocking\">blocks build</span>" : "")
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** JMH benchmarks at a glance: JMH's figures, as JMH prints them, next to perfgate's verdict. */
    private static void benchmarkTable(StringBuilder out, CheckReport report) {
        List<TestOutcome> benchmarks = BenchmarkSummary.benchmarks(report);
        if (benchmarks.isEmpty()) {
            return;
        }
        out.append("<h2 id=\"benchmarks\">Benchmarks</h2>\n<table class=\"benchmarks\">\n<tr><th>Benchmark</th>"
                + "<th>Parameters</th><th>Mode</th><th class=\"num\">Score</th><th class=\"num\">Allocation</th>"
                + "<th>Verdict</th></tr>\n");
        for (TestOutcome test : benchmarks) {
            io.perfgate.core.result.BenchmarkDetails benchmark = test.result().benchmark();
            out.append("<tr><td><a href=\"#").append(testAnchor(test)).append("\">")
                    .append(escape(benchmark.benchmark())).append("</a></td><td>")
                    .append(escape(BenchmarkSummary.params(benchmark))).append("</td><td>")
                    .append(escape(Objects.toString(benchmark.mode(), "-"))).append("</td><td class=\"num\">")
                    .append(escape(BenchmarkSummary.score(benchmark))).append("</td><td class=\"num\">")
                    .append(escape(BenchmarkSummary.allocation(benchmark))).append("</td><td class=\"verdict v-")
                    .append(test.verdict()).append("\">").append(test.verdict())
                    .append(test.blocks() ? "<span class=\"blocking\">blocks build</span>" : "")
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static Map<String, List<TestOutcome>> byClass(CheckReport report) {
        Map<String, List<TestOutcome>> byClass = new LinkedHashMap<>();
        for (TestOutcome test : report.tests()) {
            byClass.computeIfAbsent(Objects.toString(test.result().className(), "?"), key -> new ArrayList<>()).add(test);
        }
        return byClass;
    }

    /** Distortions every measured test has: said once at the top rather than on each test. */
    private static List<String> sharedDistortions(CheckReport report) {
        List<List<String>> perTest = report.tests().stream()
                .filter(test -> test.result().environment() != null)
                .map(test -> test.result().environment().timingDistortions())
                .toList();
        if (perTest.size() < 2) {
            return List.of();
        }
        return perTest.get(0).stream().filter(distortion -> perTest.stream().allMatch(list -> list.contains(distortion)))
                .toList();
    }

    private static void tests(StringBuilder out, CheckReport report, List<String> shared) {
        int count = report.tests().size();
        out.append("<h2 id=\"tests\">Tests</h2>\n");
        String legend = CompactTests.legend(count);
        if (!legend.isEmpty()) {
            out.append("<p class=\"meta\">").append(escape(legend)).append("</p>\n");
        }
        for (Map.Entry<String, List<TestOutcome>> entry : byClass(report).entrySet()) {
            out.append("<section class=\"class\" id=\"").append(classAnchor(entry.getKey())).append("\">\n<h3>")
                    .append(escape(entry.getKey())).append("</h3>\n");
            List<TestOutcome> compact = new ArrayList<>();
            for (TestOutcome test : entry.getValue()) {
                if (CompactTests.compact(test, count)) {
                    compact.add(test);
                } else {
                    TestSection.render(out, test, shared);
                }
            }
            if (!compact.isEmpty()) {
                CompactTests.render(out, compact);
            }
            out.append("</section>\n");
        }
    }

    static String testAnchor(TestOutcome test) {
        return "test-" + ResultFiles.idHash(Objects.toString(test.result().id(), test.label()));
    }

    static String classAnchor(String className) {
        return "class-" + ResultFiles.idHash(className);
    }
}
