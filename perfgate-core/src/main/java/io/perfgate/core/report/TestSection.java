package io.perfgate.core.report;

import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.fork.ForkedMeasurement;
import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.LatencySummary;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static io.perfgate.core.report.Markup.escape;

/**
 * One test in full: what ran, its gate table, endpoints, the latency figures with their percentile chart, and
 * the memory and database families' figures ({@link MemoryFigures}, {@link DatabaseFigures}).
 */
final class TestSection {
    private TestSection() {
    }

    static void render(StringBuilder out, TestOutcome test, List<String> shared) {
        TestResult result = test.result();
        String anchor = HtmlReportWriter.testAnchor(test);
        out.append("<section class=\"test\" id=\"").append(anchor).append("\">\n<h4><span class=\"badge b-")
                .append(test.verdict()).append("\">").append(test.verdict()).append("</span> ")
                .append(escape(test.label())).append(test.blocks() ? "<span class=\"blocking\">blocks build</span>" : "")
                .append(" <a class=\"anchor\" href=\"#").append(anchor).append("\" title=\"link to this test\">#</a></h4>\n");
        out.append("<p class=\"meta\">").append(escape(describe(result))).append("</p>\n");
        List<String> own = result.environment() == null ? List.of() : result.environment().timingDistortions().stream()
                .filter(distortion -> !shared.contains(distortion)).toList();
        if (!own.isEmpty()) {
            out.append("<p class=\"distortion\">Timing is distorted by: ").append(escape(String.join("; ", own)))
                    .append(". Compare such results only with results taken the same way.</p>\n");
        }
        gateTable(out, test);
        FrontendSection.render(out, test);
        if (result.endpoints() != null && !result.endpoints().isEmpty()) {
            endpointTable(out, result);
        }
        latency(out, test, null, result.measurement());
        if (result.endpoints() != null) {
            new TreeMap<>(result.endpoints()).forEach((endpoint, measurement) -> latency(out, test, endpoint, measurement));
        }
        if (result.measurement() != null) {
            MemoryFigures.render(out, test, result.measurement().memory());
            DatabaseFigures.render(out, result.measurement().database());
            List<String[]> contention = ContentionFigures.rows(result.measurement());
            if (!contention.isEmpty()) {
                figureTable(out, "CPU and contention", contention);
            }
            ProfileSection.render(out, test.label(), result.measurement().profile());
        }
        out.append("</section>\n");
    }

    static String describe(TestResult result) {
        if (result.benchmark() != null && result.status() == ResultStatus.COMPLETED) {
            return BenchmarkSummary.describe(result);
        }
        if (result.status() == ResultStatus.SKIPPED) {
            return "Skipped" + (result.statusReason() == null ? "" : ": " + result.statusReason());
        }
        if (result.status() == ResultStatus.DECLARED || result.measurement() == null) {
            return "Started at " + ReportSummary.time(result.startedAt()) + " but recorded no measurement.";
        }
        Measurement measurement = result.measurement();
        StringBuilder text = new StringBuilder()
                .append(ReportSummary.count(measurement.invocations(), "invocation")).append(", ")
                .append(ReportSummary.count(measurement.errors(), "error"));
        if (measurement.durationNanos() > 0) {
            text.append(" in ").append(QuantityKind.DURATION.format(measurement.durationNanos())).append(" (")
                    .append(QuantityKind.RATE.format(measurement.successes() * 1e9 / measurement.durationNanos()))
                    .append(")");
        }
        text.append(". Started ").append(ReportSummary.time(result.startedAt())).append('.');
        if (result.workload() != null) {
            text.append(" Workload: ").append(describe(result.workload())).append('.');
        }
        Map<Integer, LatencyHistogram> byJvm = ForkedMeasurement.byJvm(measurement);
        if (!byJvm.isEmpty()) { // the spread between JVMs, which regression detection weighs
            text.append(" Measured in ").append(byJvm.size()).append(" JVMs: p50 ").append(perJvm(byJvm, 0.5))
                    .append("; p95 ").append(perJvm(byJvm, 0.95)).append('.');
        }
        if (result.imported() != null) { // measured by another engine: say which, and what its figures are
            text.append(" Imported from ").append(result.imported().engine()).append(": ")
                    .append(String.join(", ", result.imported().files())).append('.')
                    .append(result.imported().note() == null ? "" : " " + result.imported().note() + ".");
        }
        if (measurement.firstError() != null) {
            text.append(" First error: ").append(measurement.firstError());
        }
        return text.toString();
    }

    private static String perJvm(Map<Integer, LatencyHistogram> byJvm, double quantile) {
        return byJvm.values().stream().map(histogram -> QuantityKind.DURATION.format(histogram.valueAtQuantile(quantile)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String describe(Workload workload) {
        List<String> parts = new ArrayList<>();
        if (workload.profile() != null) {
            parts.add("profile " + workload.profile());
        }
        if (workload.warmupInvocations() > 0) {
            parts.add("warmup " + ReportSummary.count(workload.warmupInvocations(), "invocation"));
        } else if (workload.warmupNanos() > 0) {
            parts.add("warmup " + QuantityKind.DURATION.format(workload.warmupNanos()));
        }
        if (workload.invocations() > 0) {
            parts.add(ReportSummary.count(workload.invocations(), "invocation"));
        } else if (workload.durationNanos() > 0) {
            parts.add("for " + QuantityKind.DURATION.format(workload.durationNanos()));
        }
        parts.add(ReportSummary.count(Math.max(1, workload.threads()), "thread"));
        if (workload.maxDurationNanos() > 0) {
            parts.add("capped at " + QuantityKind.DURATION.format(workload.maxDurationNanos()));
        }
        return String.join(", ", parts);
    }

    private static void gateTable(StringBuilder out, TestOutcome test) {
        List<ReportRow> rows = ReportRow.of(test);
        if (rows.isEmpty()) {
            return;
        }
        out.append("<table class=\"gates\">\n<tr><th>Gate</th><th>Level</th><th>Metric</th><th class=\"num\">Measured</th>"
                + "<th>Bound</th><th>Verdict</th><th>Message</th></tr>\n");
        for (ReportRow row : rows) {
            out.append(row.blocks() ? "<tr class=\"blocks\">" : "<tr>")
                    .append("<td>").append(escape(row.gateTitle())).append("</td><td>").append(row.gate().level())
                    .append(row.gate().declaration().allowInconclusive() ? "<span class=\"ci\">inconclusive allowed</span>" : "")
                    .append("</td><td>").append(escape(row.metricLabel())).append("</td><td class=\"num\">")
                    .append(escape(row.measured()));
            row.interval().ifPresent(interval -> out.append("<span class=\"ci\">").append(escape(interval)).append("</span>"));
            out.append("</td><td>").append(escape(row.bound())).append("</td><td class=\"verdict v-")
                    .append(row.verdict()).append("\">").append(row.verdict())
                    .append(row.blocks() ? "<span class=\"blocking\">blocks build</span>" : "")
                    .append("</td><td class=\"msg\">").append(escape(row.message())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void endpointTable(StringBuilder out, TestResult result) {
        out.append("<table class=\"endpoints\">\n<tr><th>Endpoint</th><th class=\"num\">Requests</th>"
                + "<th class=\"num\">Errors</th><th class=\"num\">p50</th><th class=\"num\">p95</th>"
                + "<th class=\"num\">p99</th><th class=\"num\">max</th></tr>\n");
        new TreeMap<>(result.endpoints()).forEach((endpoint, measurement) -> {
            out.append("<tr><td>").append(escape(endpoint)).append("</td><td class=\"num\">")
                    .append(QuantityKind.grouped(measurement.invocations())).append("</td><td class=\"num\">")
                    .append(QuantityKind.grouped(measurement.errors())).append("</td>");
            LatencyHistogram histogram = decode(measurement);
            for (double quantile : new double[] {0.5, 0.95, 0.99, 1.0}) {
                out.append("<td class=\"num\">").append(histogram == null ? "-"
                        : QuantityKind.DURATION.format(quantile == 1.0 ? histogram.max() : histogram.valueAtQuantile(quantile)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        });
        out.append("</table>\n");
    }

    private static void latency(StringBuilder out, TestOutcome test, String endpoint, Measurement measurement) {
        LatencyHistogram histogram = decode(measurement);
        if (histogram == null) {
            return;
        }
        LatencySummary summary = histogram.summary();
        String title = "Latency percentiles of " + test.label() + (endpoint == null ? "" : " [" + endpoint + "]");
        out.append("<div class=\"latency\">\n");
        out.append(new PercentileChart(title, summary, boundLines(test, endpoint)).svg());
        List<String[]> figures = List.of(
                new String[] {"samples", QuantityKind.grouped(summary.count())},
                new String[] {"min", QuantityKind.DURATION.format(summary.min())},
                new String[] {"mean", QuantityKind.DURATION.format(summary.mean())},
                new String[] {"p50", QuantityKind.DURATION.format(summary.p50())},
                new String[] {"p90", QuantityKind.DURATION.format(summary.p90())},
                new String[] {"p95", QuantityKind.DURATION.format(summary.p95())},
                new String[] {"p99", QuantityKind.DURATION.format(summary.p99())},
                new String[] {"p99.9", QuantityKind.DURATION.format(summary.p999())},
                new String[] {"max", QuantityKind.DURATION.format(summary.max())});
        table(out, "percentiles", endpoint == null ? "Latency" : "Latency [" + endpoint + "]", figures);
        out.append("</div>\n");
    }

    /** The target and threshold of every latency metric a gate of this scope bounds. */
    private static List<PercentileChart.BoundLine> boundLines(TestOutcome test, String endpoint) {
        List<PercentileChart.BoundLine> lines = new ArrayList<>();
        for (GateOutcome gate : test.gates()) {
            if (!gate.declaration().is(GateType.LATENCY) || !Objects.equals(endpoint, gate.declaration().scope())) {
                continue;
            }
            // an invalid bound is a FAIL of the whole gate, with no metric outcomes, and draws no line
            for (MetricOutcome metric : gate.metrics()) {
                if (metric.metric().cpuTime()) {
                    continue; // a CPU-time bound is no line on the wall-time chart
                }
                Bound bound = metric.bound();
                bound.target().ifPresent(target ->
                        lines.add(new PercentileChart.BoundLine(metric.metric().label() + " target", target, false)));
                lines.add(new PercentileChart.BoundLine(metric.metric().label() + " threshold", bound.threshold(), true));
            }
        }
        return lines;
    }

    static void figureTable(StringBuilder out, String heading, List<String[]> figures) {
        table(out, "figures", heading, figures);
    }

    /** A two-column table of named figures under one heading. */
    private static void table(StringBuilder out, String cssClass, String heading, List<String[]> figures) {
        out.append("<table class=\"").append(cssClass).append("\">\n<tr><th colspan=\"2\">").append(escape(heading))
                .append("</th></tr>\n");
        for (String[] figure : figures) {
            out.append("<tr><td>").append(escape(figure[0])).append("</td><td class=\"num\">").append(escape(figure[1]))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    static LatencyHistogram decode(String encoded) {
        if (encoded == null) {
            return null;
        }
        try {
            LatencyHistogram histogram = LatencyHistogram.decode(encoded);
            return histogram.count() == 0 ? null : histogram;
        } catch (IllegalArgumentException e) {
            return null; // the gate table already shows a corrupt histogram as a FAIL
        }
    }

    private static LatencyHistogram decode(Measurement measurement) {
        return measurement == null ? null : decode(measurement.latencyHistogram());
    }
}
