package io.perfgate.core.jmh;

import io.perfgate.core.gate.QuantityKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a JMH run was still warming up when JMH measured it, judged from its own measurement iterations.
 * <p>
 * The rule: in a fork, a measured iteration is <em>warming</em> when it is worse than every later iteration of
 * the fork by more than {@link #WORSE_BY} (1.20: it took more than 1.2 times as long per operation as the slowest
 * later one, or in throughput mode did fewer than 1/1.2 as many operations as the slowest later one). The fork got
 * faster and never came back: a JIT compiler still at work on the first iterations, or a deoptimisation and
 * recompilation later on (bench/jmh-warmup's WordCountBench does both), shows that way, while noise (a benchmark
 * that alternates between fast and slow iterations) comes back to that level later and is left to the error
 * interval. A busy machine can slow one iteration in the middle of a fork, which would look like a deoptimisation:
 * where {@link CpuWaitProfiler} measured how long each iteration's threads waited for a CPU, that wait is taken
 * out of the scores first, and an iteration that mostly waited is not judged. The last iteration has nothing
 * after it and is not judged. The run is still warming up when at least half of its forks (one of two, three of
 * five) have a warming iteration: with two forks one is enough, as it moves the score most; with more forks a
 * single one moves it less.
 * <p>
 * The primary score ({@link #check}) and the allocation per operation ({@link #checkAllocation}) are judged
 * apart, each on its own per-iteration rawData, so that each gate is judged by whether its own metric settled.
 * <p>
 * Not checked: runs with no warmup at all (they measure warming up on purpose), single-shot runs (each iteration
 * is one cold call), and forks with fewer than two measured iterations (nothing to compare with).
 */
public final class SteadyState {
    /** How much worse than every later iteration one may be before the fork counts as warming. */
    public static final double WORSE_BY = 1.20;

    /** The share of an iteration its threads may have waited for a CPU and still be judged. */
    public static final double MAX_CPU_WAIT = 0.75;

    private SteadyState() {
    }

    /**
     * Bytes per operation that a later iteration may allocate less before it counts: below one small object per
     * operation, gc.alloc.rate.norm is the profiler's noise (a benchmark allocating nothing read 0.0025 ± 0.0074
     * B/op in the test fixture jmh/fixture-result.json).
     */
    public static final double ALLOCATION_NOISE_BYTES = 16;

    /** The evidence that the run's primary score was still warming up; empty when steady or not checkable. */
    public static Optional<WarmingUp> check(JmhRun run) {
        if (!checkable(run)) {
            return Optional.empty();
        }
        boolean higherIsWorse = run.mode() != BenchmarkMode.THROUGHPUT;
        JmhMetric cpuWait = run.secondaryMetrics().get(JmhRun.CPU_WAIT);
        List<List<Double>> scores = cpuWait == null ? iterationScores(run)
                : withoutCpuWait(iterationScores(run), cpuWait.rawData(), higherIsWorse);
        return warming(scores, higherIsWorse, run.primaryMetric().scoreUnit(), 0)
                .map(warming -> cpuWait == null ? warming : warming.withCpuWaitTakenOut());
    }

    /**
     * Each iteration's score as if its threads had not waited for a CPU: the time per operation times the share
     * they ran, the throughput divided by it. An iteration that waited more than {@link #MAX_CPU_WAIT} of its time
     * says too little about the code and is not judged (NaN); a fork without a wait figure for every iteration
     * keeps its scores.
     *
     * @param waits per fork, the share of each iteration the benchmark threads waited for a CPU
     */
    static List<List<Double>> withoutCpuWait(List<List<Double>> scores, List<List<Double>> waits,
                                             boolean higherIsWorse) {
        List<List<Double>> adjusted = new ArrayList<>();
        for (int fork = 0; fork < scores.size(); fork++) {
            List<Double> forkScores = scores.get(fork);
            List<Double> forkWaits = fork < waits.size() ? waits.get(fork) : List.of();
            if (forkWaits.size() != forkScores.size()) {
                adjusted.add(forkScores);
                continue;
            }
            List<Double> forkAdjusted = new ArrayList<>();
            for (int iteration = 0; iteration < forkScores.size(); iteration++) {
                double ran = 1 - forkWaits.get(iteration);
                double score = forkScores.get(iteration);
                forkAdjusted.add(!(ran >= 1 - MAX_CPU_WAIT) ? Double.NaN : higherIsWorse ? score * ran : score / ran);
            }
            adjusted.add(forkAdjusted);
        }
        return adjusted;
    }

    /**
     * The evidence that the run's allocation per operation (gc.alloc.rate.norm, by its own rawData) was still
     * falling; empty when steady, not checkable or not profiled. Judged apart from the score, as a busy machine
     * slows the time per operation but leaves the bytes per operation alone.
     */
    public static Optional<WarmingUp> checkAllocation(JmhRun run) {
        JmhMetric norm = run.secondaryMetrics().get(JmhRun.ALLOCATION_PER_OPERATION);
        if (!checkable(run) || norm == null) {
            return Optional.empty();
        }
        return warming(norm.rawData(), true, norm.scoreUnit(), ALLOCATION_NOISE_BYTES);
    }

    /** Both checks: each gate is judged by the one of its own metric. */
    public static Check checkAll(JmhRun run) {
        return new Check(check(run), checkAllocation(run));
    }

    /**
     * Which of a run's measured metrics were still warming up.
     *
     * @param score      the primary score's evidence, for time and throughput gates
     * @param allocation gc.alloc.rate.norm's evidence, for the memory gate
     */
    public record Check(Optional<WarmingUp> score, Optional<WarmingUp> allocation) {
        public boolean warming() {
            return score.isPresent() || allocation.isPresent();
        }

        /** The evidence of each metric still warming up, with its name; empty when none was. */
        public String evidence() {
            return score.map(WarmingUp::evidence).orElse("") + (score.isPresent() && allocation.isPresent() ? "; "
                    : "") + allocation.map(warming -> "allocation per operation: " + warming.evidence()).orElse("");
        }
    }

    // runs with no warmup measure warming up on purpose; a single shot is one cold call per iteration
    private static boolean checkable(JmhRun run) {
        return run.warmupIterations() != 0 && run.mode() != BenchmarkMode.SINGLE_SHOT_TIME;
    }

    /**
     * The rule, over per-fork iteration scores in {@code unit}.
     *
     * @param noise how much worse an iteration must also be, in {@code unit}, to count
     */
    private static Optional<WarmingUp> warming(List<List<Double>> forks, boolean higherIsWorse, String unit,
                                               double noise) {
        int checked = 0;
        int warming = 0;
        WarmingUp worst = null;
        for (int fork = 0; fork < forks.size(); fork++) {
            List<Double> iterations = forks.get(fork);
            // the judged iterations, by their place in the fork (one that mostly waited for a CPU is not judged)
            List<Integer> judged = new ArrayList<>();
            for (int iteration = 0; iteration < iterations.size(); iteration++) {
                if (Double.isFinite(iterations.get(iteration))) {
                    judged.add(iteration);
                }
            }
            if (judged.size() < 2) {
                continue;
            }
            checked++;
            WarmingUp furthest = null;
            double laterWorst = iterations.get(judged.get(judged.size() - 1));
            // from the end, so that laterWorst is the worst of the iterations after the one looked at
            for (int index = judged.size() - 2; index >= 0; index--) {
                int iteration = judged.get(index);
                double score = iterations.get(iteration);
                double times = higherIsWorse ? score / laterWorst : laterWorst / score;
                if (times > WORSE_BY && Math.abs(score - laterWorst) > noise
                        && (furthest == null || times > furthest.times())) {
                    furthest = new WarmingUp(fork + 1, iteration + 1, score, laterWorst, unit, times, 0, 0, false);
                }
                laterWorst = higherIsWorse ? Math.max(laterWorst, score) : Math.min(laterWorst, score);
            }
            if (furthest != null) {
                warming++;
                if (worst == null || furthest.times() > worst.times()) {
                    worst = furthest;
                }
            }
        }
        if (worst == null || warming * 2 < checked) {
            return Optional.empty();
        }
        return Optional.of(new WarmingUp(worst.fork(), worst.iteration(), worst.score(), worst.laterWorst(),
                worst.unit(), worst.times(), warming, checked, false));
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
     * Why a run counts as still warming up: the iteration furthest off, in the fork where it was.
     *
     * @param fork          that fork, from 1
     * @param iteration     that measured iteration, from 1
     * @param score         its score, in {@code unit}
     * @param laterWorst    the worst of the fork's later iterations' scores
     * @param times         how many times worse it was (above {@link #WORSE_BY})
     * @param forksWarming  the forks with an iteration that much worse than every later one
     * @param forksChecked  the forks with at least two measured iterations
     * @param cpuWaitTakenOut whether the scores are without the benchmark threads' CPU wait ({@link CpuWaitProfiler})
     */
    public record WarmingUp(int fork, int iteration, double score, double laterWorst, String unit, double times,
                            int forksWarming, int forksChecked, boolean cpuWaitTakenOut) {

        WarmingUp withCpuWaitTakenOut() {
            return new WarmingUp(fork, iteration, score, laterWorst, unit, times, forksWarming, forksChecked, true);
        }

        /** {@code measured iteration 1 of fork 2 scored 862 us/op against 154 us/op at worst after it (...)}. */
        public String evidence() {
            return "measured iteration " + iteration + " of fork " + fork + " scored "
                    + QuantityKind.significant(score) + " " + unit + " against " + QuantityKind.significant(laterWorst)
                    + " " + unit + " at worst after it ("
                    + String.format(Locale.ROOT, "%.2f", times) + " times worse); " + forksWarming + " of "
                    + forksChecked + " forks had an"
                    + " iteration more than " + Math.round((WORSE_BY - 1) * 100) + " % worse than every later one"
                    + (cpuWaitTakenOut ? " (scores without the time the benchmark threads waited for a CPU)" : "");
        }
    }
}
