package io.perfgate.core.frontend;

import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.TestResult;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Judges a front-end metric: the median of the page's Lighthouse runs against the bound, as Lighthouse CI
 * does. When the runs split on the verdict (some pass, some fail) and their spread, (max - min) / median,
 * exceeds the page's {@code maxSpread}, the runs do not support a verdict: INCONCLUSIVE. A page Lighthouse
 * could not measure fails every gate with Lighthouse's message; never a pass.
 */
public final class FrontendJudge {
    private final String reportLocation;

    /** @param reportLocation where the report is, named in messages; null when there is none */
    public FrontendJudge(String reportLocation) {
        this.reportLocation = reportLocation;
    }

    public MetricOutcome judge(TestResult result, Metric metric, Bound bound) {
        FrontendDetails details = result.frontend();
        int runs = details == null ? 0 : details.runs().size();
        if (details == null) {
            return fail(result, metric, bound, runs, metric.label() + " was declared but not measured: the result"
                    + " holds no Lighthouse figures (was it written by perfgate:lighthouse?)");
        }
        if (details.failure() != null) {
            String failure = details.failure().strip();
            return fail(result, metric, bound, runs, metric.label() + " was not measured: "
                    + (failure.endsWith(".") ? failure.substring(0, failure.length() - 1) : failure) + "; fix the page (or start the service before perfgate:lighthouse) and run again");
        }
        List<FrontendDetails.Run> measured = details.measuredRuns();
        for (int i = 0; i < measured.size(); i++) {
            if (measured.get(i).metrics().get(metric.attribute()) == null) {
                String report = measured.get(i).htmlReport();
                return fail(result, metric, bound, runs, metric.label() + " was declared but not measured: Lighthouse"
                        + " computed no value in run " + (i + 1) + (report == null ? "" : " (see " + report + ")"));
            }
        }
        if (measured.isEmpty()) {
            return fail(result, metric, bound, 0, metric.label() + " was declared but not measured: no Lighthouse run"
                    + " was recorded");
        }
        double[] values = measured.stream().mapToDouble(run -> run.metrics().get(metric.attribute())).sorted().toArray();
        double median = median(values);
        double min = values[0];
        double max = values[values.length - 1];
        double spread = spread(values);
        QuantityKind kind = metric.kind();
        String runsText = values.length == 1 ? "" : "median of " + values.length + " runs "
                + Arrays.stream(values).mapToObj(kind::format).collect(Collectors.joining(", "))
                + ", spread " + spreadText(spread);
        long splitVerdicts = Arrays.stream(values).mapToObj(value -> bound.judge(value, metric.direction()))
                .distinct().count();
        if (splitVerdicts > 1 && spread > details.maxSpread()) {
            return new MetricOutcome(metric, bound, Verdict.INCONCLUSIVE, median, values.length, min, max,
                    metric.label() + " has no verdict: its runs disagree (" + runsText + ", beyond the allowed "
                            + QuantityKind.PERCENT.format(details.maxSpread()) + ") on either side of " + bound.text()
                            + context(result, values.length) + "; add runs, quiet the machine, or raise maxSpread");
        }
        Verdict verdict = bound.judge(median, metric.direction());
        boolean lowerIsBetter = metric.direction() == Direction.LOWER_IS_BETTER;
        String measuredText = metric.label() + " = " + kind.format(median);
        String message = switch (verdict) {
            case FAIL -> measuredText + (lowerIsBetter ? " exceeds the threshold " : " is below the threshold ")
                    + kind.format(bound.threshold()) + advice(metric);
            case WARN -> measuredText + (lowerIsBetter ? " exceeds the target " : " is below the target ")
                    + kind.format(bound.target().orElseThrow()) + " (threshold " + kind.format(bound.threshold()) + ")";
            default -> measuredText + " is within " + bound.text();
        };
        return new MetricOutcome(metric, bound, verdict, median, values.length, min, max,
                message + (runsText.isEmpty() ? "" : " (" + runsText + ")") + context(result, values.length));
    }

    /** The middle value; the mean of the middle two for an even count. */
    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** (max - min) / median of sorted values; 0 when all are equal, infinite when the median is 0 and they differ. */
    public static double spread(double[] sorted) {
        double range = sorted[sorted.length - 1] - sorted[0];
        if (range == 0) {
            return 0;
        }
        double median = Math.abs(median(sorted));
        return median == 0 ? Double.POSITIVE_INFINITY : range / median;
    }

    static String spreadText(double spread) {
        return Double.isInfinite(spread) ? "unbounded (median 0)" : QuantityKind.PERCENT.format(Math.min(spread, 1e6));
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

    private MetricOutcome fail(TestResult result, Metric metric, Bound bound, int runs, String message) {
        return new MetricOutcome(metric, bound, Verdict.FAIL, null, runs, null, null,
                message + context(result, runs));
    }

    private String context(TestResult result, long runs) {
        return " (" + result.label() + ", " + runs + (runs == 1 ? " run" : " runs")
                + (reportLocation == null ? "" : ", report: " + reportLocation) + ")";
    }
}
