package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of a report table: a bounded metric of a gate of a test, or the whole gate when it could not be
 * judged metric by metric (an invalid declaration, a missing result, skipped work). Every writer lays out
 * the same rows, so the formats never disagree.
 *
 * @param metric the judged metric; null for a row that stands for the whole gate
 */
record ReportRow(TestOutcome test, GateOutcome gate, MetricOutcome metric, String metricLabel, String bound,
                 Verdict verdict, String message) {

    static List<ReportRow> of(CheckReport report) {
        return report.tests().stream().flatMap(test -> of(test).stream()).toList();
    }

    static List<ReportRow> of(TestOutcome test) {
        List<ReportRow> rows = new ArrayList<>();
        for (GateOutcome gate : test.gates()) {
            if (!gate.metrics().isEmpty()) {
                for (MetricOutcome metric : gate.metrics()) {
                    rows.add(new ReportRow(test, gate, metric, metric.metric().label(), metric.boundText(),
                            metric.verdict(), metric.message()));
                }
            } else if (gate.problem() != null || gate.declaration().bounds().isEmpty()) {
                List<Map.Entry<String, String>> bounds = sortedBounds(gate);
                String labels = bounds.stream().map(bound -> label(gate, bound.getKey()))
                        .collect(Collectors.joining(", "));
                String boundText = bounds.size() == 1 ? bounds.get(0).getValue()
                        : bounds.stream().map(bound -> bound.getKey() + " = " + bound.getValue())
                        .collect(Collectors.joining(", "));
                rows.add(new ReportRow(test, gate, null, labels, boundText, gate.verdict(), gate.problem()));
            } else {
                String reason = test.result().statusReason();
                for (Map.Entry<String, String> bound : sortedBounds(gate)) {
                    rows.add(new ReportRow(test, gate, null, label(gate, bound.getKey()), bound.getValue(),
                            gate.verdict(), reason == null ? "skipped" : "skipped: " + reason));
                }
            }
        }
        return rows;
    }

    /** The declared bounds in the metrics' own order; attributes that name no metric last. */
    private static List<Map.Entry<String, String>> sortedBounds(GateOutcome gate) {
        return gate.declaration().bounds().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> bound) ->
                                metricOf(gate, bound.getKey()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }

    private static String label(GateOutcome gate, String attribute) {
        return metricOf(gate, attribute).map(Metric::label).orElse(attribute);
    }

    private static Optional<Metric> metricOf(GateOutcome gate, String attribute) {
        return gate.type().flatMap(type -> Metric.of(type).stream()
                .filter(metric -> metric.attribute().equals(attribute)).findFirst());
    }

    /** {@code @LatencyGate}, with the endpoint of scoped gates and a note on the gate perfgate adds itself. */
    String gateTitle() {
        return gate.title() + (gate.implicit() ? " (implicit: no errors allowed)" : "");
    }

    /** The measured value in its unit, or "-" when there is none to show. */
    String measured() {
        return metric == null ? "-" : metric.formattedValue();
    }

    /** The value's 95 % interval, or its lower limit alone, when known. */
    Optional<String> interval() {
        if (metric == null || metric.lower() == null) {
            return Optional.empty();
        }
        String lower = metric.metric().kind().format(metric.lower());
        if (metric.upper() == null) {
            return Optional.of("95% lower limit " + lower);
        }
        String upper = metric.metric().kind().format(metric.upper());
        return Optional.of("95% CI " + (lower.equals(upper) ? lower : lower + " to " + upper));
    }

    /** Whether this row is what makes its gate fail the build (as {@link GateOutcome#blockingMessages()} counts). */
    boolean blocks() {
        return metric == null ? gate.blocks() : gate.blocks(metric);
    }

    /** Beyond its target or threshold, or without a verdict. */
    boolean violated() {
        return verdict.isViolation();
    }

    /** The test's method and display name without the class: {@code createOrder [[2] size=100]}. */
    static String testName(TestOutcome test) {
        String label = test.label();
        String className = test.result().className();
        String simpleClass = className == null ? "?" : className.substring(className.lastIndexOf('.') + 1);
        return label.startsWith(simpleClass + "#") ? label.substring(simpleClass.length() + 1) : label;
    }
}
