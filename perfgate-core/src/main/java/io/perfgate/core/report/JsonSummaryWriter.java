package io.perfgate.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.LatencySummary;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.TreeMap;

/**
 * {@code summary.json}: what {@code check} decided, for tools. Values are in each metric's base unit
 * ({@code unit}: ns, bytes, per second, fraction) next to the text the other reports show.
 */
public final class JsonSummaryWriter implements ReportWriter {
    /** Version of this file's layout; a consumer rejects a newer major version. */
    public static final String SCHEMA_VERSION = "1.0";
    private static final MathContext SIX_DIGITS = new MathContext(6);

    @Override
    public String fileName() {
        return "summary.json";
    }

    @Override
    public String render(CheckReport report) {
        ReportSummary summary = ReportSummary.of(report);
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("project", report.projectName());
        root.put("generatedAt", ReportSummary.time(report.generatedAt()));
        root.put("report", report.reportLocation());
        root.put("status", summary.status());
        root.put("headline", summary.headline());
        root.put("blocking", summary.blockingViolations() > 0);
        ObjectNode counts = root.putObject("counts");
        counts.put("tests", summary.tests());
        counts.put("passed", summary.passed());
        counts.put("warned", summary.warned());
        counts.put("failed", summary.failed());
        counts.put("inconclusive", summary.inconclusive());
        counts.put("skipped", summary.skipped());
        counts.put("blockingViolations", summary.blockingViolations());
        counts.put("nonBlockingViolations", summary.nonBlockingViolations());
        counts.put("waived", summary.waived());
        ContentionFigures.of(report).ifPresent(figures -> {
            ObjectNode contention = root.putObject("contention");
            contention.put("tests", figures.tests());
            putNumber(contention, "meanWaitShare", figures.meanWaitShare());
            putNumber(contention, "worstWaitShare", figures.worstWaitShare());
            putNumber(contention, "maxWaitShare", figures.maxWaitShare());
            contention.put("discardedRounds", figures.discardedRounds());
            contention.put("testsShortOfCleanRounds", figures.shortTests());
            if (figures.maxLoadPerCore() != null) {
                putNumber(contention, "maxLoadPerCore", figures.maxLoadPerCore());
            }
            contention.put("text", figures.line());
        });
        ArrayNode violations = root.putArray("blockingViolations");
        for (ReportRow row : ReportRow.of(report)) {
            if (row.blocks()) {
                ObjectNode violation = violations.addObject();
                violation.put("test", row.test().label());
                violation.put("gate", row.gateTitle());
                violation.put("metric", row.metricLabel());
                violation.put("message", row.message());
            }
        }
        ArrayNode waivers = root.putArray("waivers");
        for (io.perfgate.core.check.Waived waived : report.waivers()) {
            ObjectNode item = waivers.addObject();
            item.put("status", waived.status());
            item.put("test", waived.test());
            item.put("gate", waived.gateTitle());
            item.put("metric", waived.metric().label());
            item.put("judged", waived.judged().name());
            item.put("approver", waived.approver());
            item.put("expires", waived.expires().toString());
            item.put("reason", waived.reason());
            item.put("source", waived.source());
        }
        ArrayNode tests = root.putArray("tests");
        for (TestOutcome test : report.tests()) {
            tests.add(test(test));
        }
        if (report.baseline() != null) {
            root.set("baseline", baseline(report.baseline()));
        }
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return Json.mapper().writer(printer)
                    .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON summary: " + e.getOriginalMessage(), e);
        }
    }

    /** Every comparison with the baseline, in the metric's base unit, and the trend alerts. */
    private static ObjectNode baseline(BaselineComparison baseline) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("present", baseline.storePresent());
        node.put("blocking", baseline.hasBlocking());
        ArrayNode problems = node.putArray("problems");
        baseline.problems().forEach(problems::add);
        ArrayNode historyProblems = node.putArray("historyProblems");
        baseline.historyProblems().forEach(historyProblems::add);
        ArrayNode comparisons = node.putArray("comparisons");
        for (BaselineComparison.Compared compared : baseline.comparisons()) {
            MetricComparison c = compared.comparison();
            ObjectNode item = comparisons.addObject();
            item.put("test", c.testLabel());
            item.put("id", c.testId());
            item.put("metric", c.metric().label());
            item.put("outcome", c.outcome().name());
            item.put("level", compared.level().name());
            item.put("blocks", compared.blocks());
            putNumber(item, "baseline", c.baselineValue());
            putNumber(item, "current", c.currentValue());
            putNumber(item, "ratio", c.ratio());
            putNumber(item, "ratioLower", c.lowerRatio());
            putNumber(item, "ratioUpper", c.upperRatio());
            // an absolute metric (CLS, TBT) changes by a difference in its base unit; its ratio fields are null
            putNumber(item, "difference", c.difference());
            putNumber(item, "differenceLower", c.lowerDifference());
            putNumber(item, "differenceUpper", c.upperDifference());
            item.put("change", c.formattedChange());
            item.put("interval", c.formattedInterval());
            item.put("allowed", c.formattedAllowed());
            item.put("baselineReplicates", c.baselineReplicates());
            item.put("currentReplicates", c.currentReplicates());
            putNumber(item, "pValue", c.adjustedPValue());
            item.put("message", compared.message());
        }
        ArrayNode alerts = node.putArray("trendAlerts");
        baseline.trends().forEach(trend -> trend.alerts().forEach(alerts::add));
        node.put("trendLevel", baseline.trendLevel().name());
        return node;
    }

    private static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, new BigDecimal(value, SIX_DIGITS));
        }
    }

    private static ObjectNode test(TestOutcome test) {
        TestResult result = test.result();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("label", test.label());
        node.put("id", result.id());
        node.put("kind", result.kind().fileName());
        node.put("className", result.className());
        node.put("methodName", result.methodName());
        node.put("displayName", result.displayName());
        node.put("resultStatus", result.status() == null ? null : result.status().name());
        if (result.statusReason() != null) {
            node.put("statusReason", result.statusReason());
        }
        node.put("verdict", test.verdict().name());
        node.put("blocks", test.blocks());
        if (result.measurement() != null) {
            node.set("measurement", measurement(result.measurement()));
        }
        if (result.benchmark() != null) {
            node.set("benchmark", benchmark(result.benchmark()));
        }
        if (result.imported() != null) {
            node.put("engine", result.imported().engine());
        }
        if (result.endpoints() != null && !result.endpoints().isEmpty()) {
            ObjectNode endpoints = node.putObject("endpoints");
            new TreeMap<>(result.endpoints()).forEach((name, measurement) -> endpoints.set(name, measurement(measurement)));
        }
        if (result.environment() != null && !result.environment().timingDistortions().isEmpty()) {
            ArrayNode distortions = node.putArray("timingDistortions");
            result.environment().timingDistortions().forEach(distortions::add);
        }
        ArrayNode gates = node.putArray("gates");
        for (GateOutcome gate : test.gates()) {
            gates.add(gate(gate));
        }
        return node;
    }

    /** JMH's figures as JMH wrote them (score, error and unit), plus the score in the base unit. */
    private static ObjectNode benchmark(io.perfgate.core.result.BenchmarkDetails benchmark) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("benchmark", benchmark.benchmark());
        node.put("mode", benchmark.mode());
        ObjectNode params = node.putObject("params");
        benchmark.params().forEach(params::put);
        putDouble(node, "score", benchmark.score());
        putDouble(node, "scoreError", benchmark.scoreError());
        node.put("scoreUnit", benchmark.scoreUnit());
        QuantityKind kind = benchmark.isThroughput() ? QuantityKind.RATE : QuantityKind.DURATION;
        if (benchmark.baseScore().isPresent()) {
            node.put("baseUnit", kind.baseUnit());
            putNumber(node, "baseScore", benchmark.baseScore().getAsDouble(), kind);
        }
        putDouble(node, "allocationPerOperation", benchmark.allocationPerOperation());
        node.put("forks", benchmark.forks());
        node.put("measurementIterations", benchmark.measurementIterations());
        if (benchmark.failure() != null) {
            node.put("failure", benchmark.failure());
        }
        if (benchmark.stillWarming() != null) {
            node.put("stillWarming", benchmark.stillWarming());
        }
        putDouble(node, "worstIterationScore", benchmark.worstIterationScore());
        if (benchmark.allocationStillWarming() != null) {
            node.put("allocationStillWarming", benchmark.allocationStillWarming());
        }
        return node;
    }

    /** A figure in JMH's own unit, to six significant digits; null when absent. */
    private static void putDouble(ObjectNode node, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, BigDecimal.valueOf(value).round(SIX_DIGITS).stripTrailingZeros());
        }
    }

    private static ObjectNode measurement(Measurement measurement) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("invocations", measurement.invocations());
        node.put("errors", measurement.errors());
        node.put("durationNanos", measurement.durationNanos());
        if (measurement.firstError() != null) {
            node.put("firstError", measurement.firstError());
        }
        if (measurement.behindSchedule() != null) {
            node.put("behindSchedule", measurement.behindSchedule());
        }
        if (measurement.contention() != null) {
            Contention contention = measurement.contention();
            ObjectNode figures = node.putObject("contention");
            figures.put("source", contention.source());
            putNumber(figures, "waitShare", contention.measuredWaitShare());
            putNumber(figures, "keptWaitShare", contention.keptWaitShare());
            putNumber(figures, "worstWaitShare", contention.worstWaitShare());
            putNumber(figures, "maxWaitShare", contention.maxWaitShare());
            figures.put("keptRounds", contention.keptRounds());
            figures.put("plannedRounds", contention.plannedRounds());
            figures.put("discardedRounds", contention.discardedRounds());
            if (contention.discardedWaitShare() != null) {
                putNumber(figures, "discardedWaitShare", contention.discardedWaitShare());
            }
            figures.put("shortOfCleanRounds", contention.unresolved());
            if (contention.loadPerCore() != null) {
                putNumber(figures, "loadPerCore", contention.loadPerCore());
            }
        }
        if (measurement.cpu() != null && measurement.cpu().invocations() > 0) {
            node.put("cpuNanosPerInvocation", Math.round(measurement.cpu().perInvocation()));
        }
        if (measurement.latencyHistogram() != null) {
            try {
                LatencySummary summary = LatencyHistogram.decode(measurement.latencyHistogram()).summary();
                ObjectNode latency = node.putObject("latencyNanos");
                latency.put("count", summary.count());
                latency.put("min", summary.min());
                latency.put("mean", Math.round(summary.mean()));
                latency.put("p50", summary.p50());
                latency.put("p90", summary.p90());
                latency.put("p95", summary.p95());
                latency.put("p99", summary.p99());
                latency.put("p999", summary.p999());
                latency.put("max", summary.max());
            } catch (IllegalArgumentException e) {
                node.put("latencyNanos", "corrupt");
            }
        }
        return node;
    }

    private static ObjectNode gate(GateOutcome gate) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("gate", gate.declaration().gate());
        node.put("title", gate.title());
        if (gate.declaration().scope() != null) {
            node.put("scope", gate.declaration().scope());
        }
        node.put("level", gate.level().name());
        node.put("allowInconclusive", gate.declaration().allowInconclusive());
        node.put("implicit", gate.implicit());
        node.put("declaredOn", gate.declaration().declaredOn());
        ObjectNode bounds = node.putObject("bounds");
        new TreeMap<>(gate.declaration().bounds()).forEach(bounds::put);
        node.put("verdict", gate.verdict().name());
        node.put("blocks", gate.blocks());
        if (gate.problem() != null) {
            node.put("problem", gate.problem());
        }
        ArrayNode metrics = node.putArray("metrics");
        for (MetricOutcome metric : gate.metrics()) {
            metrics.add(metric(metric));
        }
        return node;
    }

    private static ObjectNode metric(MetricOutcome metric) {
        QuantityKind kind = metric.metric().kind();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("metric", metric.metric().attribute());
        node.put("label", metric.metric().label());
        node.put("unit", kind.baseUnit());
        putNumber(node, "value", metric.value(), kind);
        node.put("formatted", metric.formattedValue());
        if (metric.lower() != null) {
            putNumber(node, "lower", metric.lower(), kind);
        }
        if (metric.upper() != null) {
            putNumber(node, "upper", metric.upper(), kind);
        }
        node.put("samples", metric.samples());
        node.put("bound", metric.boundText());
        node.put("verdict", metric.verdict().name());
        node.put("message", metric.message());
        return node;
    }

    /**
     * Nanoseconds and bytes as whole numbers; rates and fractions to six significant digits, written plainly,
     * so the file reads the same on every JDK (their shortest double representations differ).
     */
    private static void putNumber(ObjectNode node, String field, Double value, QuantityKind kind) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(field);
        } else if (kind == QuantityKind.DURATION || kind == QuantityKind.SIZE) {
            node.put(field, Math.round(value));
        } else {
            node.put(field, BigDecimal.valueOf(value).round(SIX_DIGITS).stripTrailingZeros());
        }
    }
}
