package io.perfgate.core.regression;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.PercentileInterval;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;

import java.util.List;

/**
 * The replicate values of one metric in one measurement: one value per round (a JUnit round, a load
 * time slice, a JMH fork), or the reason there are none.
 *
 * @param values  one value per round, in the metric's unit; empty when {@code problem} is set
 * @param problem why the metric has no replicate values; null when it has
 */
public record Replicates(double[] values, String problem) {

    public Replicates {
        values = values == null ? new double[0] : values.clone();
    }

    public boolean usable() {
        return problem == null && values.length > 0;
    }

    /** A front-end metric's value in every Lighthouse run of a page; log-scale comparison needs positive values. */
    public static Replicates ofFrontend(FrontendDetails details, RegressionMetric metric) {
        List<FrontendDetails.Run> runs = details.measuredRuns();
        if (details.failure() != null || runs.isEmpty()) {
            return new Replicates(null, "Lighthouse did not measure the page");
        }
        String attribute = (switch (metric) {
            case FCP -> Metric.FIRST_CONTENTFUL_PAINT;
            case LCP -> Metric.LARGEST_CONTENTFUL_PAINT;
            case SPEED_INDEX -> Metric.SPEED_INDEX;
            case TTI -> Metric.TIME_TO_INTERACTIVE;
            case PERFORMANCE_SCORE -> Metric.PERFORMANCE_SCORE;
            case TOTAL_BYTES -> Metric.TOTAL_BYTES;
            case SCRIPT_BYTES -> Metric.SCRIPT_BYTES;
            case REQUESTS -> Metric.REQUEST_COUNT;
            default -> throw new IllegalArgumentException(metric + " is no front-end metric");
        }).attribute();
        double[] values = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Double value = runs.get(i).metrics().get(attribute);
            if (value == null || !(value > 0) || Double.isInfinite(value)) {
                return new Replicates(null, "run " + (i + 1) + " has no positive " + metric.label());
            }
            values[i] = value;
        }
        return new Replicates(values, null);
    }

    /** The metric's value in every round of a measurement. */
    public static Replicates of(Measurement measurement, RegressionMetric metric) {
        List<Round> rounds = measurement == null ? List.of() : measurement.rounds();
        if (rounds.isEmpty()) {
            return new Replicates(null, "no replicate rounds were recorded");
        }
        double[] values = new double[rounds.size()];
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            String where = "round " + (i + 1) + " of " + rounds.size();
            switch (metric) {
                case P50, P90, P95, P99, MEAN -> {
                    if (round.latencyHistogram() == null) {
                        return new Replicates(null, where + " has no latency histogram");
                    }
                    LatencyHistogram histogram;
                    try {
                        histogram = LatencyHistogram.decode(round.latencyHistogram());
                    } catch (IllegalArgumentException e) {
                        return new Replicates(null, where + " has a corrupt latency histogram: " + e.getMessage());
                    }
                    if (metric == RegressionMetric.MEAN) {
                        if (histogram.count() == 0) {
                            return new Replicates(null, where + " has no successful invocation");
                        }
                        values[i] = histogram.mean();
                    } else {
                        double quantile = metric.quantile().orElseThrow();
                        long required = PercentileInterval.requiredSamples(quantile);
                        if (histogram.count() < required) {
                            return new Replicates(null, where + " has " + histogram.count() + " samples; a per-round "
                                    + metric.label() + " needs at least " + required
                                    + " (raise invocations or duration so each round has them)");
                        }
                        values[i] = histogram.valueAtQuantile(quantile);
                    }
                }
                case THROUGHPUT -> {
                    if (round.durationNanos() <= 0) {
                        return new Replicates(null, where + " has no duration");
                    }
                    values[i] = (round.invocations() - round.errors()) * 1e9 / round.durationNanos();
                }
                case SCORE_TIME, SCORE_RATE -> {
                    if (round.score() == null || round.score().isNaN() || round.score().isInfinite()) {
                        return new Replicates(null, where + " has no score");
                    }
                    values[i] = round.score();
                }
            }
        }
        return new Replicates(values, null);
    }
}
