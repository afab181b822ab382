package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.LatencySummary;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.memory.LeakEstimate;
import io.perfgate.core.memory.SlopeEstimate;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static io.perfgate.core.report.Markup.escape;

/**
 * {@code index.html}: a surefire-style report that opens offline: summary counts, a table per class, then
 * per test one row per gate metric and an inline-SVG latency percentile chart. No script, no external
 * resource; every string from the results is escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String CSS = """
            body{font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px;color:#1f2328;background:#fff}
            h1{font-size:22px;margin:0 0 4px}
            h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            h3{font-size:16px;margin:24px 0 6px;font-family:ui-monospace,Menlo,Consolas,monospace}
            h4{font-size:15px;margin:18px 0 4px}
            a{color:#0969da;text-decoration:none}
            a:hover{text-decoration:underline}
            a.anchor{color:#8c959f;font-weight:normal;margin-left:4px}
            table{border-collapse:collapse;margin:6px 0 12px}
            th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa;font-weight:600}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.msg{max-width:60em}
            table.statements code{white-space:pre-wrap;word-break:break-word}
            .meta{color:#59636e;margin:2px 0 8px}
            .status{display:inline-block;padding:6px 12px;border-radius:6px;font-weight:600;font-size:16px;margin:8px 0}
            .s-FAILED{background:#ffebe9;color:#a40e26}
            .s-PASSED{background:#dafbe1;color:#116329}
            .s-SKIPPED{background:#f6f8fa;color:#59636e}
            .verdict{font-weight:600;white-space:nowrap}
            .v-PASS{color:#1a7f37}
            .v-WARN{color:#9a6700}
            .v-FAIL{color:#cf222e}
            .v-INCONCLUSIVE{color:#8250df}
            .v-SKIPPED{color:#6e7781}
            .badge{display:inline-block;min-width:5.5em;text-align:center;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;vertical-align:1px}
            .b-PASS{background:#1a7f37}
            .b-WARN{background:#bf8700}
            .b-FAIL{background:#cf222e}
            .b-INCONCLUSIVE{background:#8250df}
            .b-SKIPPED{background:#6e7781}
            .blocking{color:#cf222e;font-size:12px;font-weight:600;margin-left:6px}
            tr.blocks td:first-child{box-shadow:inset 3px 0 #cf222e}
            .ci{display:block;color:#59636e;font-size:12px}
            .distortion{background:#fff8c5;border:1px solid #d4a72c;padding:4px 8px;border-radius:4px;display:inline-block}
            .latency{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
            .latency table{margin:0}
            svg{background:#fff;border:1px solid #d0d7de;border-radius:4px}
            svg text{font:11px -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;fill:#59636e}
            footer{margin-top:32px;color:#59636e;font-size:12px}
            """;

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
                .append("</title>\n<style>\n").append(CSS)
                .append(report.baseline() == null ? "" : BaselineSection.CSS).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>perfgate report").append(project.isEmpty() ? "" : ": " + escape(project))
                .append("</h1>\n<p class=\"meta\">Generated ").append(escape(ReportSummary.time(report.generatedAt())))
                .append("</p>\n<p class=\"status s-").append(summary.status()).append("\">")
                .append(escape(summary.headline())).append("</p>\n</header>\n");
        summaryTable(out, summary);
        List<String> shared = sharedDistortions(report);
        if (!shared.isEmpty()) {
            out.append("<p class=\"distortion\">Timing of every test is distorted by: ")
                    .append(escape(String.join("; ", shared)))
                    .append(". Compare such results only with results taken the same way.</p>\n");
        }
        violations(out, report);
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
                + "<th class=\"num\">Blocking violations</th></tr>\n<tr>");
        for (int count : new int[] {summary.tests(), summary.passed(), summary.warned(), summary.failed(),
                summary.inconclusive(), summary.skipped(), summary.blockingViolations()}) {
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
        out.append("<h2 id=\"classes\">Classes</h2>\n<table class=\"classes\">\n<tr><th>Class</th>"
                + "<th class=\"num\">Tests</th><th class=\"num\">Passed</th><th class=\"num\">Warned</th>"
                + "<th class=\"num\">Failed</th><th class=\"num\">Inconclusive</th><th class=\"num\">Skipped</th>"
                + "<th>Verdict</th></tr>\n");
        for (Map.Entry<String, List<TestOutcome>> entry : byClass.entrySet()) {
            List<TestOutcome> tests = entry.getValue();
            Verdict worst = Verdict.worst(tests.stream().map(TestOutcome::verdict).toList());
            out.append("<tr><td><a href=\"#").append(classAnchor(entry.getKey())).append("\">")
                    .append(escape(entry.getKey())).append("</a></td><td class=\"num\">").append(tests.size())
                    .append("</td>");
            for (Verdict verdict : new Verdict[] {Verdict.PASS, Verdict.WARN, Verdict.FAIL, Verdict.INCONCLUSIVE,
                    Verdict.SKIPPED}) {
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
        out.append("<h2 id=\"tests\">Tests</h2>\n");
        for (Map.Entry<String, List<TestOutcome>> entry : byClass(report).entrySet()) {
            out.append("<section class=\"class\" id=\"").append(classAnchor(entry.getKey())).append("\">\n<h3>")
                    .append(escape(entry.getKey())).append("</h3>\n");
            for (TestOutcome test : entry.getValue()) {
                test(out, test, shared);
            }
            out.append("</section>\n");
        }
    }

    private static void test(StringBuilder out, TestOutcome test, List<String> shared) {
        TestResult result = test.result();
        String anchor = testAnchor(test);
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
        if (result.endpoints() != null && !result.endpoints().isEmpty()) {
            endpointTable(out, result);
        }
        latency(out, test, null, result.measurement());
        if (result.endpoints() != null) {
            new TreeMap<>(result.endpoints()).forEach((endpoint, measurement) -> latency(out, test, endpoint, measurement));
        }
        if (result.measurement() != null) {
            memory(out, test, result.measurement().memory());
            database(out, result.measurement().database());
        }
        out.append("</section>\n");
    }

    /** Memory figures, and for a leak bound the heap-after-GC trend: the chart a leak verdict rests on. */
    private static void memory(StringBuilder out, TestOutcome test, MemoryMeasurement memory) {
        if (memory == null) {
            return;
        }
        List<String[]> figures = new ArrayList<>();
        if (memory.heapAfterGcBytes() != null) {
            figures.add(new String[] {"heap after GC", QuantityKind.SIZE.format(memory.heapAfterGcBytes())});
        }
        if (memory.allocatedBytesPerInvocation() != null) {
            figures.add(new String[] {"allocation per invocation",
                    QuantityKind.SIZE.format(memory.allocatedBytesPerInvocation())});
        }
        if (memory.gcPauseMaxNanos() != null) {
            figures.add(new String[] {"max GC pause", QuantityKind.DURATION.format(memory.gcPauseMaxNanos())});
        }
        if (memory.gcTimeNanos() != null) {
            figures.add(new String[] {"GC time", QuantityKind.DURATION.format(memory.gcTimeNanos())});
        }
        if (memory.gcCount() != null) {
            figures.add(new String[] {"collections", QuantityKind.grouped(memory.gcCount())});
        }
        Optional<LeakEstimate> leak = memory.heapTrend() == null ? Optional.empty() : LeakEstimate.of(memory.heapTrend());
        if (memory.heapTrend() != null) {
            figures.add(new String[] {"heap samples", QuantityKind.grouped(memory.heapTrend().samples().size())});
        }
        leak.ifPresent(estimate -> {
            figures.add(new String[] {"leak per invocation", slope(estimate.perInvocation(), QuantityKind.SIZE)});
            figures.add(new String[] {"leak per hour", slope(estimate.perSecond(), QuantityKind.SIZE_RATE)});
        });
        if (figures.isEmpty()) {
            return;
        }
        out.append("<div class=\"latency\">\n");
        leak.ifPresent(estimate -> out.append(new HeapTrendChart("Heap after GC of " + test.label() + ": "
                + slope(estimate.perInvocation(), QuantityKind.SIZE) + " per invocation", estimate,
                leakThreshold(test)).svg()));
        figureTable(out, "Memory", figures);
        out.append("</div>\n");
    }

    private static String slope(SlopeEstimate slope, QuantityKind kind) {
        return kind.format(slope.slope()) + " (" + Math.round(slope.confidence() * 100) + "% interval "
                + kind.format(slope.lower()) + " .. " + kind.format(slope.upper()) + ")";
    }

    /** The leakPerInvocation threshold of the test's memory gate, for the chart's comparison line. */
    private static OptionalDouble leakThreshold(TestOutcome test) {
        for (GateOutcome gate : test.gates()) {
            for (MetricOutcome metric : gate.metrics()) {
                if (metric.metric() == Metric.LEAK_PER_INVOCATION) {
                    try {
                        return OptionalDouble.of(metric.metric().parseBound(metric.boundText(), gate.title()).threshold());
                    } catch (InvalidGateException e) {
                        return OptionalDouble.empty();
                    }
                }
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * What went through wrapped DataSources: the figures the database gate judges, the statements of the
     * invocation that ran the most (an N+1 query shows as one statement repeated), and the costliest statements.
     */
    private static void database(StringBuilder out, DatabaseMeasurement database) {
        if (database == null) {
            return;
        }
        List<String[]> figures = new ArrayList<>();
        figures.add(new String[] {"statements", QuantityKind.grouped(database.statements())
                + (database.statementErrors() > 0 ? " (" + QuantityKind.grouped(database.statementErrors()) + " failed)" : "")});
        LatencyHistogram statements = decode(database.statementHistogram());
        if (statements != null) {
            figures.add(new String[] {"statement p50 / p95 / max", QuantityKind.DURATION.format(statements.valueAtQuantile(0.5))
                    + " / " + QuantityKind.DURATION.format(statements.valueAtQuantile(0.95)) + " / "
                    + QuantityKind.DURATION.format(statements.max())});
        }
        figures.add(new String[] {"transactions", QuantityKind.grouped(database.commits()) + " committed, "
                + QuantityKind.grouped(database.rollbacks()) + " rolled back, "
                + QuantityKind.grouped(database.autoCommitStatements()) + " auto-commit"});
        LatencyHistogram transactions = decode(database.transactionHistogram());
        if (transactions != null) {
            figures.add(new String[] {"transaction p50 / p95 / max",
                    QuantityKind.DURATION.format(transactions.valueAtQuantile(0.5)) + " / "
                            + QuantityKind.DURATION.format(transactions.valueAtQuantile(0.95)) + " / "
                            + QuantityKind.DURATION.format(transactions.max())});
        }
        if (database.connectionRequests() > 0) {
            figures.add(new String[] {"connections within 1 ms", QuantityKind.grouped(database.connectionsWithin1ms())
                    + " of " + QuantityKind.grouped(database.connectionRequests()) + " ("
                    + QuantityKind.PERCENT.format((double) database.connectionsWithin1ms() / database.connectionRequests())
                    + ")"});
        }
        figures.add(new String[] {"deadlocks and serialization failures", QuantityKind.grouped(database.deadlocks())
                + (database.deadlocksBySqlState().isEmpty() ? "" : " " + database.deadlocksBySqlState())});
        if (database.invocations() > 0) {
            figures.add(new String[] {"statements per invocation", "max "
                    + QuantityKind.grouped(database.maxStatementsPerInvocation()) + ", mean "
                    + QuantityKind.COUNT.format(Math.round(10.0 * database.statementsInInvocations()
                    / database.invocations()) / 10.0)});
        }
        out.append("<div class=\"latency\">\n");
        figureTable(out, "Database", figures);
        if (!database.worstInvocation().isEmpty()) {
            out.append("<table class=\"statements\">\n<tr><th>Statements of the invocation that ran the most</th>"
                    + "<th class=\"num\">Times</th></tr>\n");
            for (DatabaseMeasurement.StatementCount statement : database.worstInvocation()) {
                out.append("<tr><td><code>").append(escape(statement.sql())).append("</code></td><td class=\"num\">")
                        .append(QuantityKind.grouped(statement.count())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</div>\n");
        if (!database.topStatements().isEmpty()) {
            out.append("<table class=\"statements\">\n<tr><th>Statement</th><th class=\"num\">Executions</th>"
                    + "<th class=\"num\">Failed</th><th class=\"num\">Total</th><th class=\"num\">p50</th>"
                    + "<th class=\"num\">p95</th><th class=\"num\">max</th></tr>\n");
            for (DatabaseMeasurement.StatementSummary statement : database.topStatements()) {
                out.append("<tr><td><code>").append(escape(statement.sql())).append("</code></td>");
                for (String cell : new String[] {QuantityKind.grouped(statement.count()),
                        QuantityKind.grouped(statement.errors()), QuantityKind.DURATION.format(statement.totalNanos()),
                        QuantityKind.DURATION.format(statement.p50Nanos()),
                        QuantityKind.DURATION.format(statement.p95Nanos()),
                        QuantityKind.DURATION.format(statement.maxNanos())}) {
                    out.append("<td class=\"num\">").append(escape(cell)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
    }

    private static void figureTable(StringBuilder out, String heading, List<String[]> figures) {
        out.append("<table class=\"figures\">\n<tr><th colspan=\"2\">").append(escape(heading)).append("</th></tr>\n");
        for (String[] figure : figures) {
            out.append("<tr><td>").append(escape(figure[0])).append("</td><td class=\"num\">").append(escape(figure[1]))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static LatencyHistogram decode(String encoded) {
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

    private static String describe(TestResult result) {
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

    private static LatencyHistogram decode(Measurement measurement) {
        if (measurement == null || measurement.latencyHistogram() == null) {
            return null;
        }
        try {
            LatencyHistogram histogram = LatencyHistogram.decode(measurement.latencyHistogram());
            return histogram.count() == 0 ? null : histogram;
        } catch (IllegalArgumentException e) {
            return null; // the gate table already shows the corrupt histogram as a FAIL
        }
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
        out.append("<table class=\"percentiles\">\n<tr><th colspan=\"2\">")
                .append(escape(endpoint == null ? "Latency" : "Latency [" + endpoint + "]")).append("</th></tr>\n");
        String[][] figures = {
                {"samples", QuantityKind.grouped(summary.count())},
                {"min", QuantityKind.DURATION.format(summary.min())},
                {"mean", QuantityKind.DURATION.format(summary.mean())},
                {"p50", QuantityKind.DURATION.format(summary.p50())},
                {"p90", QuantityKind.DURATION.format(summary.p90())},
                {"p95", QuantityKind.DURATION.format(summary.p95())},
                {"p99", QuantityKind.DURATION.format(summary.p99())},
                {"p99.9", QuantityKind.DURATION.format(summary.p999())},
                {"max", QuantityKind.DURATION.format(summary.max())},
        };
        for (String[] figure : figures) {
            out.append("<tr><td>").append(figure[0]).append("</td><td class=\"num\">").append(escape(figure[1]))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n</div>\n");
    }

    /** The target and threshold of every latency metric a gate of this scope bounds. */
    private static List<PercentileChart.BoundLine> boundLines(TestOutcome test, String endpoint) {
        List<PercentileChart.BoundLine> lines = new ArrayList<>();
        for (GateOutcome gate : test.gates()) {
            if (!GateType.LATENCY.declarationName().equals(gate.declaration().gate())
                    || !Objects.equals(endpoint, gate.declaration().scope())) {
                continue;
            }
            for (MetricOutcome metric : gate.metrics()) {
                try {
                    Bound bound = metric.metric().parseBound(metric.boundText(), gate.title());
                    bound.target().ifPresent(target ->
                            lines.add(new PercentileChart.BoundLine(metric.metric().label() + " target", target, false)));
                    lines.add(new PercentileChart.BoundLine(metric.metric().label() + " threshold", bound.threshold(), true));
                } catch (InvalidGateException e) {
                    // judged already: an invalid bound is a FAIL row of its own and draws no line
                }
            }
        }
        return lines;
    }

    private static String testAnchor(TestOutcome test) {
        return "test-" + ResultFiles.idHash(Objects.toString(test.result().id(), test.label()));
    }

    private static String classAnchor(String className) {
        return "class-" + ResultFiles.idHash(className);
    }
}
