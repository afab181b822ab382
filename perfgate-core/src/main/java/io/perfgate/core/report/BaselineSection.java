package io.perfgate.core.report;

import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.trend.TrendFinding;
import io.perfgate.core.trend.TrendPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.perfgate.core.report.Markup.escape;

/**
 * The HTML report's comparison with the baseline: per test and metric the baseline against the current
 * value, the change with its interval, the allowed change, the outcome and a small history chart; then
 * trend alerts, unusable baseline files and notes.
 */
final class BaselineSection {
    static final String CSS = """
            .o-REGRESSED{color:#cf222e}
            .o-INCONCLUSIVE{color:#8250df}
            .o-UNCHANGED{color:#1a7f37}
            .o-IMPROVED{color:#0969da}
            svg.history{border:none;background:none;vertical-align:middle}
            """;

    private BaselineSection() {
    }

    static void render(StringBuilder out, CheckReport report) {
        BaselineComparison baseline = report.baseline();
        if (baseline == null) {
            return;
        }
        out.append("<h2 id=\"baseline\">Comparison with the baseline</h2>\n");
        if (!baseline.storePresent() && baseline.problems().isEmpty()) {
            out.append("<p class=\"meta\">No baseline is recorded yet. Record one with <code>mvn verify"
                    + " perfgate:baseline</code> and commit <code>.perfgate/</code>.</p>\n");
        } else {
            out.append("<p class=\"meta\">").append(baseline.comparisons().size()).append(" metric")
                    .append(baseline.comparisons().size() == 1 ? "" : "s").append(" compared: ");
            List<String> counts = new ArrayList<>();
            for (RegressionOutcome outcome : RegressionOutcome.values()) {
                counts.add(baseline.count(outcome) + " " + outcome.name().toLowerCase(java.util.Locale.ROOT));
            }
            out.append(escape(String.join(", ", counts))).append(". A change is the Hodges-Lehmann estimate of"
                    + " current / baseline over replicates (JUnit rounds, JMH forks, load time slices); each end of"
                    + " its interval holds with 95% confidence. REGRESSED needs the whole interval beyond the allowed"
                    + " change and a significant one-sided Mann-Whitney test after correction across all metrics."
                    + "</p>\n");
        }
        if (!baseline.problems().isEmpty()) {
            out.append("<h3>Unusable baseline files</h3>\n<ol class=\"violations\">\n");
            baseline.problems().forEach(problem -> out.append("<li><span class=\"verdict v-FAIL\">FAIL</span> ")
                    .append(escape(problem)).append("</li>\n"));
            out.append("</ol>\n");
        }
        if (!baseline.historyProblems().isEmpty()) {
            out.append("<h3>Unreadable history files (ignored)</h3>\n<ol class=\"violations\">\n");
            baseline.historyProblems().forEach(problem -> out.append("<li><span class=\"verdict v-WARN\">WARN</span> ")
                    .append(escape(problem)).append("</li>\n"));
            out.append("</ol>\n");
        }
        List<String> alerts = new ArrayList<>();
        baseline.trends().forEach(trend -> alerts.addAll(trend.alerts()));
        if (!alerts.isEmpty()) {
            out.append("<h3>Trend alerts (").append(baseline.trendLevel()).append(")</h3>\n<ol class=\"violations\">\n");
            alerts.forEach(alert -> out.append("<li>").append(escape(alert)).append("</li>\n"));
            out.append("</ol>\n");
        }
        Map<String, List<BaselineComparison.Compared>> byTest = new LinkedHashMap<>();
        baseline.comparisons().stream()
                .sorted((a, b) -> a.comparison().testLabel().compareTo(b.comparison().testLabel()))
                .forEach(c -> byTest.computeIfAbsent(c.comparison().testLabel(), k -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<BaselineComparison.Compared>> entry : byTest.entrySet()) {
            out.append("<h4>").append(escape(entry.getKey())).append("</h4>\n<table class=\"baseline\">\n<tr><th>Metric</th>"
                    + "<th class=\"num\">Baseline</th><th class=\"num\">Current</th><th class=\"num\">Change</th>"
                    + "<th class=\"num\">Allowed</th><th class=\"num\">Replicates</th><th>Outcome</th><th>Level</th>"
                    + "<th>History</th><th>Message</th></tr>\n");
            for (BaselineComparison.Compared compared : entry.getValue()) {
                row(out, compared, trendOf(baseline, compared.comparison()));
            }
            out.append("</table>\n");
            entry.getValue().stream().map(BaselineComparison.Compared::profileDiff).filter(Objects::nonNull).findFirst()
                    .ifPresent(diff -> ProfileSection.renderDiff(out, entry.getKey(), diff));
        }
        if (!baseline.notes().isEmpty()) {
            out.append("<details><summary>Notes (").append(baseline.notes().size()).append(")</summary>\n<ul>\n");
            baseline.notes().forEach(note -> out.append("<li>").append(escape(note)).append("</li>\n"));
            out.append("</ul>\n</details>\n");
        }
        if (baseline.historyFile() != null) {
            out.append("<p class=\"meta\">This run was kept in the history: ")
                    .append(escape(baseline.historyFile().getFileName().toString())).append("</p>\n");
        }
    }

    private static void row(StringBuilder out, BaselineComparison.Compared compared, TrendFinding trend) {
        MetricComparison c = compared.comparison();
        RegressionOutcome outcome = c.outcome();
        out.append(compared.blocks() ? "<tr class=\"blocks\">" : "<tr>")
                .append("<td>").append(escape(c.metric().label())).append("</td><td class=\"num\">")
                .append(escape(format(c, c.baselineValue()))).append("</td><td class=\"num\">")
                .append(escape(format(c, c.currentValue()))).append("</td><td class=\"num\">")
                .append(escape(c.formattedChange())).append("<span class=\"ci\">")
                .append(escape(c.formattedInterval())).append("</span></td><td class=\"num\">")
                .append(escape(c.formattedAllowed())).append("</td><td class=\"num\">").append(c.baselineReplicates())
                .append(" / ").append(c.currentReplicates()).append("</td><td class=\"verdict o-").append(outcome)
                .append("\">").append(outcome)
                .append(compared.blocks() ? "<span class=\"blocking\">blocks build</span>" : "")
                .append("</td><td>").append(compared.level()).append("</td><td>");
        if (trend != null && !trend.points().isEmpty()) {
            double[] values = trend.points().stream().mapToDouble(TrendPoint::value).toArray();
            double limit = c.allowed().limit(c.baselineValue(), c.metric().direction());
            out.append(new HistoryChart(c.metric().label() + " of " + c.testLabel(), values, c.baselineValue(), limit,
                    trend.changePoints().stream().map(TrendFinding.Shift::index).toList(), c.metric().kind(),
                    outcome == RegressionOutcome.REGRESSED).svg());
        } else {
            out.append("-");
        }
        out.append("</td><td class=\"msg\">").append(escape(compared.message())).append("</td></tr>\n");
    }

    private static String format(MetricComparison c, double value) {
        return Double.isNaN(value) ? "-" : c.metric().kind().format(value);
    }

    private static TrendFinding trendOf(BaselineComparison baseline, MetricComparison comparison) {
        return baseline.trends().stream()
                .filter(trend -> Objects.equals(trend.testId(), comparison.testId()) && trend.metric() == comparison.metric())
                .findFirst().orElse(null);
    }
}
