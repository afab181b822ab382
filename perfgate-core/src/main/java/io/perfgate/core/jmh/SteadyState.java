package io.perfgate.core.jmh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a JMH run was still warming up when JMH measured it, judged from its own measurement iterations.
 * <p>
 * The rule: in a fork, the first measured iteration is <em>warming</em> when it is worse than every later
 * iteration of the fork by more than {@link #WORSE_BY} (1.20: it took more than 1.2 times as long per operation
 * as the slowest later one, or in throughput mode did fewer than 1/1.2 as many operations as the slowest later
 * one). The fork got faster and never came back: a JIT compiler still at work, or a deoptimisation and
 * recompilation, shows that way, while noise (a benchmark that alternates between fast and slow iterations, a
 * busy machine) comes back to the first iteration's level later on and is left to the error interval. The run is
 * still warming up when at least half of its forks (one of two, three of five) have a warming first iteration:
 * with two forks one is enough, as it moves the score most; with more forks a single one moves it less.
 * <p>
 * Not checked: runs with no warmup at all (they measure warming up on purpose), single-shot runs (each iteration
 * is one cold call), and forks with fewer than two measured iterations (nothing to compare the first with).
 */
public final class SteadyState {
    /** How much worse than the worst later iteration the first may be before the fork counts as warming. */
    public static final double WORSE_BY = 1.20;

    private SteadyState() {
    }

    /** The evidence that the run was still warming up; empty when it was steady or cannot be checked. */
    public static Optional<WarmingUp> check(JmhRun run) {
        if (run.warmupIterations() == 0 || run.mode() == BenchmarkMode.SINGLE_SHOT_TIME) {
            return Optional.empty();
        }
        List<List<Double>> forks = iterationScores(run);
        boolean higherIsWorse = run.mode() != BenchmarkMode.THROUGHPUT;
        int checked = 0;
        int warming = 0;
        WarmingUp worst = null;
        for (int fork = 0; fork < forks.size(); fork++) {
            List<Double> iterations = forks.get(fork).stream().filter(Double::isFinite).toList();
            if (iterations.size() < 2) {
                continue;
            }
            checked++;
            double first = iterations.get(0);
            List<Double> rest = iterations.subList(1, iterations.size());
            double later = higherIsWorse ? Collections.max(rest) : Collections.min(rest);
            double times = higherIsWorse ? first / later : later / first;
            if (times > WORSE_BY) {
                warming++;
                if (worst == null || times > worst.times()) {
                    worst = new WarmingUp(fork + 1, first, later, run.primaryMetric().scoreUnit(), times, 0, 0);
                }
            }
        }
        if (worst == null || warming * 2 < checked) {
            return Optional.empty();
        }
        return Optional.of(new WarmingUp(worst.fork(), worst.first(), worst.laterWorst(), worst.unit(), worst.times(),
                warming, checked));
    }

    /**
     * Per fork, the score of each measurement iteration: JMH's rawData, or in SampleTime mode (which keeps a
     * histogram per iteration instead) each iteration's mean sample.
     */
    static List<List<Double>> iterationScores(JmhRun run) {
        JmhMetric metric = run.primaryMetric();
        if (run.mode() != BenchmarkMode.SAMPLE_TIME || !metric.rawData().isEmpty()) {
            return metric.rawData();
        }
        List<List<Double>> forks = new ArrayList<>();
        for (List<List<JmhMetric.Sample>> fork : metric.rawDataHistogram()) {
            List<Double> means = new ArrayList<>();
            for (List<JmhMetric.Sample> iteration : fork) {
                double sum = 0;
                long count = 0;
                for (JmhMetric.Sample sample : iteration) {
                    if (Double.isFinite(sample.value()) && sample.count() > 0) {
                        sum += sample.value() * sample.count();
                        count += sample.count();
                    }
                }
                means.add(count == 0 ? Double.NaN : sum / count);
            }
            forks.add(means);
        }
        return forks;
    }

    /**
     * Why a run counts as still warming up: the fork whose first iteration was furthest off.
     *
     * @param fork          that fork, from 1
     * @param first         its first measured iteration's score, in {@code unit}
     * @param laterWorst    the worst of its later iterations' scores
     * @param times         how many times worse the first was (above {@link #WORSE_BY})
     * @param forksWarming  the forks whose first iteration was that much worse
     * @param forksChecked  the forks with at least two measured iterations
     */
    public record WarmingUp(int fork, double first, double laterWorst, String unit, double times, int forksWarming,
                            int forksChecked) {

        /** {@code first measured iteration 862.2 us/op against 154.0 us/op at worst after it, in fork 2 (...)}. */
        public String evidence() {
            return "first measured iteration " + number(first) + " " + unit + " against " + number(laterWorst) + " "
                    + unit + " at worst after it, in fork " + fork + " (" + String.format(Locale.ROOT, "%.2f", times)
                    + " times worse); in " + forksWarming + " of " + forksChecked + " forks the first iteration was"
                    + " more than " + Math.round((WORSE_BY - 1) * 100) + " % worse than every later one";
        }

        /** As the evidence writes figures: {@code 847.6}, {@code 92.7}, {@code 3.27e-07}, {@code 1.77e+09}. */
        static String number(double value) {
            boolean plain = Math.abs(value) >= 100 && Math.abs(value) < 1e6;
            return String.format(Locale.ROOT, plain ? "%.1f" : "%.3g", value);
        }
    }
}
