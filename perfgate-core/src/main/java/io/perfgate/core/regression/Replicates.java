package io.perfgate.core.regression;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.PercentileInterval;
import io.perfgate.core.measure.Profile;
import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replicate values of one metric in one measurement: one value per round (a JUnit round, a load
 * time slice, a JMH fork), or the reason there are none.
 *
 * <p>A percentile whose rounds are too small for it (a p95 needs 200 samples) is taken from consecutive
 * rounds merged until each group has enough: ten rounds of 100 samples give five p95 replicates of 200.
 * Fewer than {@link #MIN_GROUPS} such groups is no comparison, and the problem says what would make one.
 *
 * <p>A test measured in several JVMs (forks) has rounds from each; rounds are merged only within one JVM, so
 * every value belongs to one JVM and {@link JvmSpread} can tell the spread between JVMs from that within one.
 * At the extreme a JVM's rounds pool into one histogram, one value per JVM (a p99 from 1,000 samples a JVM).
 *
 * @param values          one value per replicate, in the metric's unit; empty when {@code problem} is set
 * @param problem         why the metric has no replicate values; null when it has
 * @param roundsPerValue  how many consecutive rounds each value was taken from (at least; 1 normally)
 * @param jvms            the JVM that measured each value (parallel to {@code values}); empty when unknown
 *                        (results from one JVM, Lighthouse runs)
 */
public record Replicates(double[] values, String problem, int roundsPerValue, int[] jvms) {

    /** Fewest replicates of merged rounds worth comparing: below it no interval can hold at 95 %. */
    static final int MIN_GROUPS = 3;

    public Replicates {
        values = values == null ? new double[0] : values.clone();
        roundsPerValue = Math.max(1, roundsPerValue);
        jvms = jvms == null || jvms.length != values.length ? new int[0] : jvms.clone();
    }

    public Replicates(double[] values, String problem, int roundsPerValue) {
        this(values, problem, roundsPerValue, null);
    }

    public Replicates(double[] values, String problem) {
        this(values, problem, 1);
    }

    /** How many JVMs measured the values: 1 when unknown. */
    public int jvmCount() {
        return (int) Math.max(1, Arrays.stream(jvms).distinct().count());
    }

    public boolean usable() {
        return problem == null && values.length > 0;
    }

    /**
     * A front-end metric's value in every Lighthouse run of a page: positive, as log-scale comparison needs, or
     * for an absolute metric (CLS, TBT) zero or more.
     */
    public static Replicates ofFrontend(FrontendDetails details, RegressionMetric metric) {
        List<FrontendDetails.Run> runs = details.measuredRuns();
        if (details.failure() != null || runs.isEmpty()) {
            return new Replicates(null, "Lighthouse did not measure the page");
        }
        if (!metric.frontend()) {
            throw new IllegalArgumentException(metric + " is no front-end metric");
        }
        String attribute = metric.gateMetric().attribute();
        double[] values = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Double value = runs.get(i).metrics().get(attribute);
            if (value == null || !metric.comparable(value) || value < 0) {
                return new Replicates(null, "run " + (i + 1) + " has no " + (metric.absolute() ? "" : "positive ")
                        + metric.label());
            }
            values[i] = value;
        }
        return new Replicates(values, null);
    }

    /**
     * The metric's value in every round of a measurement.
     *
     * @param mergeRounds for a percentile whose rounds are too small, merge consecutive rounds (done for the
     *                    metrics a gate names, so they are compared rather than dropped)
     */
    public static Replicates of(Measurement measurement, RegressionMetric metric, boolean mergeRounds) {
        return of(measurement, List.of(metric), mergeRounds ? Set.of(metric) : Set.of()).get(metric);
    }

    /**
     * Several metrics' values in every round of a measurement. The rounds' histograms are decoded once for all the
     * latency metrics: decoding allocates each histogram's counts, which was most of {@code check}'s time on a
     * thousand results.
     *
     * @param merged the percentiles whose too small rounds are merged (see {@link #of(Measurement, RegressionMetric,
     *               boolean)})
     */
    public static Map<RegressionMetric, Replicates> of(Measurement measurement, List<RegressionMetric> metrics,
                                                       Set<RegressionMetric> merged) {
        List<Round> rounds = measurement == null ? List.of() : measurement.rounds();
        Map<RegressionMetric, Replicates> values = new LinkedHashMap<>();
        RoundHistograms decoded = null; // once a metric needs them
        for (RegressionMetric metric : metrics) {
            if (rounds.isEmpty()) {
                values.put(metric, new Replicates(null, "no replicate rounds were recorded"));
                continue;
            }
            values.put(metric, switch (metric) {
                case P50, P90, P95, P99, MEAN -> {
                    decoded = decoded == null ? RoundHistograms.of(rounds) : decoded;
                    yield decoded.problem() != null ? decoded.problem()
                            : latency(rounds, decoded.histograms(), metric, merged.contains(metric));
                }
                case THROUGHPUT, SCORE_TIME, SCORE_RATE, CPU_MEAN -> perRound(rounds, metric);
                case FCP, LCP, CLS, TBT, SPEED_INDEX, TTI, PERFORMANCE_SCORE, TOTAL_BYTES, SCRIPT_BYTES, REQUESTS ->
                        throw new IllegalArgumentException(metric + " is measured per Lighthouse run: ofFrontend");
            });
        }
        return values;
    }

    private static Replicates perRound(List<Round> rounds, RegressionMetric metric) {
        double[] values = new double[rounds.size()];
        int[] jvms = new int[rounds.size()];
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            jvms[i] = round.jvmIndex();
            String where = "round " + (i + 1) + " of " + rounds.size();
            if (metric == RegressionMetric.CPU_MEAN) {
                if (round.cpuPerInvocation() == null) {
                    return new Replicates(null, where + " has no CPU time");
                }
                values[i] = round.cpuPerInvocation();
            } else if (metric == RegressionMetric.THROUGHPUT) {
                if (round.durationNanos() <= 0) {
                    return new Replicates(null, where + " has no duration");
                }
                values[i] = (round.invocations() - round.errors()) * 1e9 / round.durationNanos();
            } else {
                if (round.score() == null || round.score().isNaN() || round.score().isInfinite()) {
                    return new Replicates(null, where + " has no score");
                }
                values[i] = round.score();
            }
        }
        return new Replicates(values, null, 1, marked(rounds) ? jvms : null);
    }

    private static boolean marked(List<Round> rounds) {
        return rounds.stream().anyMatch(round -> round.jvm() != null);
    }

    /**
     * The rounds' latency histograms, which the metrics computed from them never change, or why there are none.
     */
    private record RoundHistograms(List<LatencyHistogram> histograms, Replicates problem) {
        static RoundHistograms of(List<Round> rounds) {
            List<LatencyHistogram> histograms = new ArrayList<>(rounds.size());
            for (int i = 0; i < rounds.size(); i++) {
                String where = "round " + (i + 1) + " of " + rounds.size();
                if (rounds.get(i).latencyHistogram() == null) {
                    return new RoundHistograms(null, new Replicates(null, where + " has no latency histogram"));
                }
                try {
                    histograms.add(LatencyHistogram.decode(rounds.get(i).latencyHistogram()));
                } catch (IllegalArgumentException e) {
                    return new RoundHistograms(null, new Replicates(null, where + " has a corrupt latency histogram: "
                            + e.getMessage()));
                }
            }
            return new RoundHistograms(histograms, null);
        }
    }

    private static Replicates latency(List<Round> rounds, List<LatencyHistogram> histograms, RegressionMetric metric,
                                      boolean mergeRounds) {
        boolean marked = marked(rounds);
        if (metric == RegressionMetric.MEAN) {
            double[] values = new double[histograms.size()];
            int[] jvms = new int[histograms.size()];
            for (int i = 0; i < values.length; i++) {
                if (histograms.get(i).count() == 0) {
                    return new Replicates(null, "round " + (i + 1) + " of " + rounds.size()
                            + " has no successful invocation");
                }
                values[i] = histograms.get(i).mean();
                jvms[i] = rounds.get(i).jvmIndex();
            }
            return new Replicates(values, null, 1, marked ? jvms : null);
        }
        double quantile = metric.quantile().orElseThrow();
        long required = PercentileInterval.requiredSamples(quantile);
        if (!mergeRounds) {
            for (int i = 0; i < histograms.size(); i++) {
                if (histograms.get(i).count() < required) {
                    return new Replicates(null, "round " + (i + 1) + " of " + rounds.size() + " has "
                            + histograms.get(i).count() + " samples; a per-round " + metric.label() + " needs at least "
                            + required + " (raise invocations or duration so each round has them)");
                }
            }
        }
        // rounds are merged within one JVM only: a value never mixes two JVMs
        Map<Integer, List<LatencyHistogram>> byJvm = new TreeMap<>();
        for (int i = 0; i < histograms.size(); i++) {
            byJvm.computeIfAbsent(rounds.get(i).jvmIndex(), jvm -> new ArrayList<>()).add(histograms.get(i));
        }
        List<LatencyHistogram> groups = new ArrayList<>();
        List<Integer> groupJvms = new ArrayList<>();
        byJvm.forEach((jvm, ofJvm) -> merge(ofJvm, required).forEach(group -> {
            groups.add(group);
            groupJvms.add(jvm);
        }));
        if (groups.size() < MIN_GROUPS) {
            return new Replicates(null, tooFew(histograms, metric, required));
        }
        double[] values = new double[groups.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = groups.get(i).valueAtQuantile(quantile);
        }
        return new Replicates(values, null, histograms.size() / groups.size(),
                marked ? groupJvms.stream().mapToInt(Integer::intValue).toArray() : null);
    }

    /**
     * Consecutive rounds merged until each group has {@code required} samples; a short remainder joins the
     * last group. Rounds that are large enough stay one group each.
     */
    static List<LatencyHistogram> merge(List<LatencyHistogram> rounds, long required) {
        List<LatencyHistogram> groups = new ArrayList<>();
        LatencyHistogram open = null;
        for (LatencyHistogram round : rounds) {
            if (open == null) {
                open = round.copy();
            } else {
                open.add(round);
            }
            if (open.count() >= required) {
                groups.add(open);
                open = null;
            }
        }
        if (open != null && !groups.isEmpty()) {
            groups.get(groups.size() - 1).add(open);
        }
        return groups;
    }

    private static String tooFew(List<LatencyHistogram> rounds, RegressionMetric metric, long required) {
        long total = rounds.stream().mapToLong(LatencyHistogram::count).sum();
        long smallest = rounds.stream().mapToLong(LatencyHistogram::count).min().orElse(0);
        long largest = rounds.stream().mapToLong(LatencyHistogram::count).max().orElse(0);
        String perRound = smallest == largest ? format(smallest) : format(smallest) + "-" + format(largest);
        return "the " + rounds.size() + " rounds have " + perRound + " samples each (" + format(total)
                + " in all); a " + metric.label() + " needs " + format(required) + " a replicate, so even merged"
                + " rounds give fewer than " + MIN_GROUPS + " replicates: measure at least "
                + format(required * MIN_GROUPS) + " invocations, ideally " + format(required * rounds.size())
                + " so each of the " + rounds.size() + " rounds has " + format(required)
                + " (@PerfTest(invocations = ...)), or use -Dperfgate.profile=" + Profile.COMPREHENSIVE.id()
                + " (at least " + Profile.COMPREHENSIVE.minDurationNanos() / 1_000_000_000L
                + " s of measuring a test) for baseline and runs alike";
    }

    private static String format(long count) {
        return QuantityKind.COUNT.format(count);
    }
}
