package io.perfgate.core.check;

import io.perfgate.core.frontend.MedianOfRuns;
import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.FrontendDetails;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Judges a front-end metric: the median of the page's Lighthouse runs against the bound, as Lighthouse CI
 * does. When the runs split on the verdict (some pass, some fail) and their spread, (max - min) / median,
 * exceeds the page's {@code maxSpread}, the runs do not support a verdict: INCONCLUSIVE. A page Lighthouse
 * could not measure fails every gate with Lighthouse's message; never a pass.
 */
final class FrontendGateJudge implements GateJudge {

    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        FrontendDetails details = subject.result().frontend();
        if (details == null) {
            return fail(subject, metric, bound, 0, metric.label() + " was declared but not measured: the result"
                    + " holds no Lighthouse figures (was it written by perfgate:lighthouse?)");
        }
        int runs = details.runs().size();
        if (details.failure() != null) {
            String failure = details.failure().strip();
            return fail(subject, metric, bound, runs, metric.label() + " was not measured: "
                    + (failure.endsWith(".") ? failure.substring(0, failure.length() - 1) : failure)
                    + "; fix the page (or start the service before perfgate:lighthouse) and run again");
        }
        List<FrontendDetails.Run> measured = details.measuredRuns();
        if (measured.isEmpty()) {
            return fail(subject, metric, bound, 0, metric.label() + " was declared but not measured: no Lighthouse"
                    + " run was recorded");
        }
        for (int i = 0; i < measured.size(); i++) {
            if (measured.get(i).metrics().get(metric.attribute()) == null) {
                String report = measured.get(i).htmlReport();
                return fail(subject, metric, bound, runs, metric.label() + " was declared but not measured:"
                        + " Lighthouse computed no value in run " + (i + 1) + (report == null ? "" : " (see " + report + ")"));
            }
        }
        double[] values = measured.stream().mapToDouble(run -> run.metrics().get(metric.attribute())).sorted().toArray();
        double median = MedianOfRuns.median(values);
        double min = values[0];
        double max = values[values.length - 1];
        double spread = MedianOfRuns.spread(values);
        QuantityKind kind = metric.kind();
        String runsText = values.length == 1 ? "" : "median of " + values.length + " runs "
                + Arrays.stream(values).mapToObj(kind::format).collect(Collectors.joining(", "))
                + ", spread " + MedianOfRuns.spreadText(spread);
        long splitVerdicts = Arrays.stream(values).mapToObj(value -> bound.judge(value, metric.direction()))
                .distinct().count();
        if (splitVerdicts > 1 && spread > details.maxSpread()) {
            return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, median, values.length, min, max,
                    metric.label() + " has no verdict: its runs disagree (" + runsText + ", beyond the allowed "
                            + QuantityKind.PERCENT.format(details.maxSpread()) + ") on either side of " + bound.text()
                            + context(subject, values.length) + "; add runs, quiet the machine, or raise maxSpread");
        }
        Verdict verdict = bound.judge(median, metric.direction());
        String message = Wording.measured(metric, median) + " " + Wording.comparison(metric, bound, verdict)
                + (verdict == Verdict.FAIL ? advice(metric) : "");
        return Wording.outcome(metric, bound, verdict, median, values.length, min, max,
                message + (runsText.isEmpty() ? "" : " (" + runsText + ")") + context(subject, values.length));
    }

    private static String advice(Metric metric) {
        return switch (metric) {
            case TOTAL_BLOCKING_TIME, TIME_TO_INTERACTIVE ->
                    "; long tasks block the main thread: split or defer the page's scripts (see Lighthouse's"
                            + " 'Avoid long main-thread tasks')";
            case CUMULATIVE_LAYOUT_SHIFT -> "; content moves after it is shown: reserve space for images, ads and"
                    + " late content (see Lighthouse's 'Avoid large layout shifts')";
            default -> "";
        };
    }

    private static MetricOutcome fail(Subject subject, Metric metric, Bound bound, int runs, String message) {
        return Wording.outcome(metric, bound, Verdict.FAIL, null, runs, null, null, message + context(subject, runs));
    }

    /** {@code (lighthouse.yaml#home, 3 runs, report: target/perfgate/index.html)}: a page counts runs, not samples. */
    private static String context(Subject subject, long runs) {
        return " (" + subject.label() + ", " + runs + (runs == 1 ? " run" : " runs")
                + (subject.reportLocation() == null ? "" : ", report: " + subject.reportLocation()) + ")";
    }
}
