package io.perfgate.core.regression;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.TestResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which metrics a result offers replicate values for, and those values. */
public final class MetricSelection {
    private static final List<RegressionMetric> LATENCY = List.of(RegressionMetric.P50, RegressionMetric.P90,
            RegressionMetric.P95, RegressionMetric.P99, RegressionMetric.MEAN);
    /** Compared on a page's Lighthouse runs. */
    private static final List<RegressionMetric> FRONTEND = Arrays.stream(RegressionMetric.values())
            .filter(RegressionMetric::frontend).toList();

    private MetricSelection() {
    }

    /**
     * The metrics the result's rounds carry: latency figures and throughput for rounds with a histogram,
     * the score (time or rate, by the benchmark's mode) for JMH forks.
     */
    public static List<RegressionMetric> available(TestResult result) {
        return available(result, result.measurement());
    }

    /** The metrics one measurement of the result (the test's own, or an endpoint's) offers. */
    public static List<RegressionMetric> available(TestResult result, Measurement measurement) {
        List<RegressionMetric> metrics = new ArrayList<>();
        if (isPage(result, measurement)) {
            return FRONTEND.stream().filter(metric -> Replicates.ofFrontend(result.frontend(), metric).usable())
                    .toList();
        }
        if (measurement == null || measurement.rounds().isEmpty()) {
            return metrics;
        }
        boolean histograms = measurement.rounds().stream().allMatch(round -> round.latencyHistogram() != null);
        boolean scores = measurement.rounds().stream().map(Round::score).allMatch(score -> score != null);
        if (histograms) {
            metrics.addAll(List.of(RegressionMetric.P50, RegressionMetric.P90, RegressionMetric.P95,
                    RegressionMetric.P99, RegressionMetric.MEAN));
            // a JMH fork's iterations per duration is no throughput: its score is
            if (result.kind() != ResultKind.JMH) {
                metrics.add(RegressionMetric.THROUGHPUT);
            }
            if (measurement.rounds().stream().allMatch(round -> round.cpuPerInvocation() != null)) {
                metrics.add(RegressionMetric.CPU_MEAN);
            }
        }
        if (scores) {
            metrics.add(scoreMetric(result));
        }
        return metrics;
    }

    /** Replicate values of every available metric whose rounds support it (a p99 needs 1,000 samples a round). */
    public static Map<RegressionMetric, Replicates> replicates(TestResult result) {
        return replicates(result, result.measurement(), null);
    }

    /**
     * Replicate values of every metric one measurement of the result offers; a percentile a gate of that
     * scope names is taken from merged rounds when its rounds are too small ({@link Replicates}).
     *
     * @param scope null for the test's own measurement, else the endpoint's name
     */
    public static Map<RegressionMetric, Replicates> replicates(TestResult result, Measurement measurement,
                                                               String scope) {
        Map<RegressionMetric, Replicates> values = new LinkedHashMap<>();
        if (isPage(result, measurement)) {
            for (RegressionMetric metric : FRONTEND) {
                Replicates runs = Replicates.ofFrontend(result.frontend(), metric);
                if (runs.usable()) {
                    values.put(metric, runs);
                }
            }
            return values;
        }
        values.putAll(Replicates.of(measurement, available(result, measurement), gated(result, scope)));
        return values;
    }

    /** A page's own measurement: its replicates are the Lighthouse runs. */
    private static boolean isPage(TestResult result, Measurement measurement) {
        return result.frontend() != null && measurement == result.measurement();
    }

    /**
     * The compared metrics the gates of one scope name ({@code @LatencyGate(p95 = ...)} names p95): they are
     * always compared, and counted as INCONCLUSIVE with the reason when they cannot be.
     *
     * @param scope null for the test's own gates, else an endpoint's
     */
    public static Set<RegressionMetric> gated(TestResult result, String scope) {
        Set<RegressionMetric> named = EnumSet.noneOf(RegressionMetric.class);
        for (GateDeclaration gate : result.gates()) {
            if (!Objects.equals(scope, gate.scope())) {
                continue;
            }
            if (gate.is(GateType.LATENCY)) {
                for (RegressionMetric metric : LATENCY) {
                    if (gate.bounds().containsKey(metric.label())) {
                        named.add(metric);
                    }
                }
                // CPU percentiles are not kept per round: the rounds' CPU time per invocation stands in for them
                if (gate.bounds().keySet().stream().anyMatch(attribute -> attribute.startsWith("cpu"))) {
                    named.add(RegressionMetric.CPU_MEAN);
                }
            } else if (gate.is(GateType.THROUGHPUT)) {
                named.add(RegressionMetric.THROUGHPUT);
            }
        }
        return named;
    }

    /** A JMH score is a rate in throughput mode (operations per second) and a time per operation otherwise. */
    static RegressionMetric scoreMetric(TestResult result) {
        boolean rate = result.benchmark() != null ? result.benchmark().isThroughput()
                : result.gates().stream().anyMatch(gate -> gate.is(GateType.THROUGHPUT));
        return rate ? RegressionMetric.SCORE_RATE : RegressionMetric.SCORE_TIME;
    }
}
