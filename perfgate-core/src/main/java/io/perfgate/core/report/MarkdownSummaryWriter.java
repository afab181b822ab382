package io.perfgate.core.report;

import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.perfgate.core.report.Markup.markdownCell;

/**
 * {@code summary.md}: a compact summary for a pull-request comment or a CI job summary
 * ({@code GITHUB_STEP_SUMMARY}): the headline, the counts, the violations (blocking ones first), then
 * every gate (folded beyond 25 tests, cut at 200 rows: the violations are always complete), then JMH benchmarks with their scores. Cells are escaped, and {@code @Gate} names are code so they mention nobody.
 */
public final class MarkdownSummaryWriter implements ReportWriter {
    /** At most this many rows of "All gates" (the violations above are always complete). */
    static final int ALL_GATES_AT_MOST = 200;

    @Override
    public String fileName() {
        return "summary.md";
    }

    @Override
    public String render(CheckReport report) {
        ReportSummary summary = ReportSummary.of(report);
        StringBuilder out = new StringBuilder(4096);
        out.append("## ").append(markdownCell(summary.headline())).append("\n\n");
        out.append(markdownCell(summary.countsLine())).append('.');
        if (report.reportLocation() != null) {
            out.append(" Report: ").append(markdownCell(report.reportLocation())).append('.');
        }
        out.append(" Generated ").append(markdownCell(ReportSummary.time(report.generatedAt()))).append(".\n");
        ContentionFigures.of(report).ifPresent(figures -> out.append('\n').append(markdownCell(figures.line()))
                .append('\n'));
        List<ReportRow> rows = ReportRow.of(report);
        if (rows.isEmpty()) {
            benchmarks(out, report);
            baseline(out, report.baseline());
            recommendations(out, report);
            return out.toString();
        }
        List<ReportRow> violations = new ArrayList<>(rows.stream().filter(ReportRow::blocks).toList());
        rows.stream().filter(row -> row.violated() && !row.blocks()).forEach(violations::add);
        out.append("\n### Violations\n\n");
        if (violations.isEmpty()) {
            out.append("None.\n");
        } else {
            out.append("| Verdict | Blocks build | Test | Gate | Metric | Measured | Bound | Message |\n")
                    .append("| --- | --- | --- | --- | --- | ---: | --- | --- |\n");
            for (ReportRow row : violations) {
                row(out, row.verdict().name(), row.blocks() ? "yes" : "no", row.test().label(), row.gateTitle(),
                        row.metricLabel(), row.measured(), row.bound(), row.message());
            }
        }
        waivers(out, report);
        out.append("\n### All gates\n\n");
        // a pull-request comment holds at most 65,536 characters: a long table is folded and cut
        boolean large = report.tests().size() > CompactTests.FULL_UP_TO;
        if (large) {
            out.append("<details><summary>").append(rows.size()).append(" gated metrics</summary>\n\n");
        }
        out.append("| Verdict | Test | Gate | Level | Metric | Measured | Bound |\n")
                .append("| --- | --- | --- | --- | --- | ---: | --- |\n");
        for (ReportRow row : rows.subList(0, Math.min(rows.size(), ALL_GATES_AT_MOST))) {
            row(out, row.verdict().name(), row.test().label(), row.gateTitle(), row.gate().level().name(),
                    row.metricLabel(), row.measured(), row.bound());
        }
        if (rows.size() > ALL_GATES_AT_MOST) {
            out.append("\n").append(rows.size() - ALL_GATES_AT_MOST).append(" more in the HTML report.\n");
        }
        if (large) {
            out.append("\n</details>\n");
        }
        benchmarks(out, report);
        baseline(out, report.baseline());
        recommendations(out, report);
        return out.toString();
    }

    /** The ranked recommendations with their evidence. */
    private static void recommendations(StringBuilder out, CheckReport report) {
        if (report.recommendations().isEmpty()) {
            return;
        }
        out.append("\n### Recommendations\n\n| Rank | Test | Recommendation | Evidence | Advice |\n")
                .append("| ---: | --- | --- | --- | --- |\n");
        for (io.perfgate.core.recommend.Recommendation r : report.recommendations()) {
            row(out, Integer.toString(r.rank()), r.test(), r.title(), r.evidence().describe(), r.advice());
        }
    }

    /** Waivers the violations met, applied or expired. */
    private static void waivers(StringBuilder out, CheckReport report) {
        if (report.waivers().isEmpty()) {
            return;
        }
        out.append("\n### Waivers\n\n| Status | Test | Gate | Metric | Judged | Approver | Expires | Reason | Written at |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (io.perfgate.core.check.Waived waived : report.waivers()) {
            row(out, waived.status(), waived.test(), waived.gateTitle(), waived.metric().label(),
                    waived.judged().name(), waived.approver(), waived.expires().toString(), waived.reason(),
                    waived.source());
        }
    }

    /** JMH benchmarks with JMH's own figures, gated or not. */
    private static void benchmarks(StringBuilder out, CheckReport report) {
        List<io.perfgate.core.check.TestOutcome> benchmarks = BenchmarkSummary.benchmarks(report);
        if (benchmarks.isEmpty()) {
            return;
        }
        out.append("\n### Benchmarks\n\n")
                .append("| Verdict | Benchmark | Parameters | Mode | Score | Allocation |\n")
                .append("| --- | --- | --- | --- | ---: | ---: |\n");
        for (io.perfgate.core.check.TestOutcome test : benchmarks) {
            io.perfgate.core.result.BenchmarkDetails benchmark = test.result().benchmark();
            row(out, test.verdict().name(), benchmark.benchmark(), BenchmarkSummary.params(benchmark),
                    benchmark.mode() == null ? "-" : benchmark.mode(), BenchmarkSummary.score(benchmark),
                    BenchmarkSummary.allocation(benchmark));
        }
    }

    /** The comparison with the baseline: counts, then every metric that is not unchanged, then alerts. */
    private static void baseline(StringBuilder out, BaselineComparison baseline) {
        if (baseline == null || (!baseline.storePresent() && baseline.problems().isEmpty())) {
            return; // no baselines in this project: nothing to add to a pull-request comment
        }
        out.append("\n### Comparison with the baseline\n\n");
        List<String> counts = new ArrayList<>();
        for (RegressionOutcome outcome : RegressionOutcome.values()) {
            counts.add(baseline.count(outcome) + " " + outcome.name().toLowerCase(Locale.ROOT));
        }
        out.append(markdownCell(baseline.comparisons().size() + " metrics compared: " + String.join(", ", counts)))
                .append(".\n");
        baseline.problems().forEach(problem -> out.append("\n- **FAIL** ").append(markdownCell(problem)).append('\n'));
        baseline.historyProblems().forEach(problem -> out.append("\n- **WARN** ").append(markdownCell(problem))
                .append('\n'));
        List<BaselineComparison.Compared> shown = baseline.comparisons().stream()
                .filter(c -> c.comparison().outcome() != RegressionOutcome.UNCHANGED).toList();
        if (!shown.isEmpty()) {
            out.append("\n| Outcome | Blocks build | Test | Metric | Change | Interval | Allowed | Message |\n")
                    .append("| --- | --- | --- | --- | ---: | --- | ---: | --- |\n");
            for (BaselineComparison.Compared compared : shown) {
                MetricComparison c = compared.comparison();
                row(out, c.outcome().name(), compared.blocks() ? "yes" : "no", c.testLabel(), c.metric().label(),
                        c.formattedChange(), c.formattedInterval(), c.formattedAllowed(), compared.message());
            }
        }
        List<String> alerts = new ArrayList<>();
        baseline.trends().forEach(trend -> alerts.addAll(trend.alerts()));
        if (!alerts.isEmpty()) {
            out.append("\nTrend alerts (").append(baseline.trendLevel()).append("):\n\n");
            alerts.forEach(alert -> out.append("- ").append(markdownCell(alert)).append('\n'));
        }
    }

    private static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(markdownCell(cell)).append(" |");
        }
        out.append('\n');
    }
}
