package io.perfgate.core.regression;

import io.perfgate.core.latency.LatencyHistogram;
import org.HdrHistogram.Histogram;
import org.apache.commons.statistics.distribution.BetaDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The honest evaluation of perfgate's regression detection: A/A comparisons and injected regressions on
 * simulated latency distributions, through the same {@link RegressionDetector} that {@code check} uses.
 *
 * <p>Model. A replicate is one round of {@value #SAMPLES_PER_ROUND} latency samples recorded into a real
 * {@link LatencyHistogram}; its p50/p95/p99/mean are read from the histogram, so per-round sampling
 * error and histogram quantization are real. Run-to-run noise is a multiplicative factor per replicate,
 * {@code exp(noise * Z)} (noise = its coefficient of variation). A regression of r multiplies every
 * latency by 1 + r. To stay within minutes, rounds are drawn from a pool of pre-recorded rounds per
 * distribution, and noise, regression and quantization are applied to the round's figure.
 *
 * <p>Run: {@code mvn -B -q -pl perfgate-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.perfgate.core.regression.RegressionEvaluation} (see bench/regression-eval.sh).
 * Optional arguments: trials per cell (default 2000), seed (default 20240501), sections to run
 * (default 1,2,3,3b,4,5).
 */
public final class RegressionEvaluation {
    static final int SAMPLES_PER_ROUND = 2_000;
    static final int POOL_ROUNDS = 10_000;
    static final int[] REPLICATE_GRID = {5, 7, 10, 15, 20, 25, 30, 40, 50};
    static final double[] NOISES = {0.02, 0.05, 0.10};
    static final double TARGET_DETECTION = 0.95;
    private static final Histogram QUANTIZER = new Histogram(3);

    private final int trials;
    private final long seed;
    private java.util.Set<String> sections = java.util.Set.of("1", "2", "3", "3b", "4", "5");
    private final RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());

    RegressionEvaluation(int trials, long seed) {
        this.trials = trials;
        this.seed = seed;
    }

    /** A latency distribution in nanoseconds. */
    enum Shape {
        LOGNORMAL("lognormal (median 1 ms, sigma 0.5)") {
            @Override
            double sample(SplittableRandom random) {
                return 1e6 * Math.exp(0.5 * random.nextGaussian());
            }
        },
        BIMODAL("bimodal (80% ~1 ms, 20% ~4 ms, sigma 0.2 each)") {
            @Override
            double sample(SplittableRandom random) {
                double median = random.nextDouble() < 0.8 ? 1e6 : 4e6;
                return median * Math.exp(0.2 * random.nextGaussian());
            }
        },
        HEAVY_TAILED("heavy-tailed (96% lognormal 1 ms sigma 0.3, 4% Pareto from 2 ms, alpha 1.5)") {
            @Override
            double sample(SplittableRandom random) {
                if (random.nextDouble() < 0.96) {
                    return 1e6 * Math.exp(0.3 * random.nextGaussian());
                }
                return 2e6 / Math.pow(1 - random.nextDouble(), 1 / 1.5);
            }
        };

        final String description;

        Shape(String description) {
            this.description = description;
        }

        abstract double sample(SplittableRandom random);
    }

    static final RegressionMetric[] METRICS = {RegressionMetric.P50, RegressionMetric.P95, RegressionMetric.P99,
            RegressionMetric.MEAN};

    /** Per-round figures of pre-recorded rounds: values[metric][round]. */
    record Pool(Shape shape, double[][] values) {
        double value(RegressionMetric metric, int round) {
            return values[indexOf(metric)][round];
        }
    }

    static int indexOf(RegressionMetric metric) {
        for (int i = 0; i < METRICS.length; i++) {
            if (METRICS[i] == metric) {
                return i;
            }
        }
        throw new IllegalArgumentException(metric.toString());
    }

    Pool pool(Shape shape) {
        double[][] values = new double[METRICS.length][POOL_ROUNDS];
        IntStream.range(0, POOL_ROUNDS).parallel().forEach(round -> {
            SplittableRandom random = new SplittableRandom(seed * 31 + shape.ordinal() * 1_000_003L + round);
            LatencyHistogram histogram = new LatencyHistogram();
            for (int s = 0; s < SAMPLES_PER_ROUND; s++) {
                histogram.record(Math.round(shape.sample(random)));
            }
            values[0][round] = histogram.valueAtQuantile(0.50);
            values[1][round] = histogram.valueAtQuantile(0.95);
            values[2][round] = histogram.valueAtQuantile(0.99);
            values[3][round] = histogram.mean();
        });
        return new Pool(shape, values);
    }

    /** One simulated comparison setting. */
    record Setting(Pool pool, RegressionMetric metric, double noise, double runOffset, double regression,
                   int baselineReplicates, int currentReplicates, int historyRuns) {
        Setting(Pool pool, RegressionMetric metric, double noise, double runOffset, double regression,
                int baselineReplicates, int currentReplicates) {
            this(pool, metric, noise, runOffset, regression, baselineReplicates, currentReplicates, 0);
        }
    }

    double[] replicates(Setting setting, SplittableRandom random, int count, double factor) {
        double runFactor = setting.runOffset() == 0 ? 1 : Math.exp(setting.runOffset() * random.nextGaussian());
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            double value = setting.pool().value(setting.metric(), random.nextInt(POOL_ROUNDS))
                    * factor * runFactor * Math.exp(setting.noise() * random.nextGaussian());
            values[i] = setting.metric() == RegressionMetric.MEAN ? value
                    : QUANTIZER.highestEquivalentValue(Math.round(value));
        }
        return values;
    }

    ComparisonInput input(Setting setting, SplittableRandom random, String label) {
        double[] baseline = replicates(setting, random, setting.baselineReplicates(), 1);
        double[] current = replicates(setting, random, setting.currentReplicates(), 1 + setting.regression());
        double runToRun = Double.NaN;
        if (setting.historyRuns() > 0) {
            List<double[]> history = new ArrayList<>();
            for (int run = 0; run < setting.historyRuns(); run++) {
                history.add(replicates(setting, random, setting.baselineReplicates(), 1));
            }
            runToRun = RunToRunNoise.logSd(history);
        }
        return new ComparisonInput(label, label, setting.metric(), baseline, current, "simulated", List.of(), false,
                runToRun);
    }

    /** Share of trials in which a single comparison (no other comparison in the suite) is REGRESSED. */
    Rate regressedRate(Setting setting, RegressionDetector with, long cell) {
        return rate(trial -> {
            SplittableRandom random = new SplittableRandom(seed ^ (cell * 0x9E3779B97F4A7C15L) ^ trial * 0xBF58476D1CE4E5B9L);
            return with.compare(input(setting, random, "T#m")).outcome() == RegressionOutcome.REGRESSED;
        });
    }

    /** Share of simulated suites (many metrics, all unchanged) with at least one REGRESSED metric. */
    Rate suiteFalseAlarm(List<Setting> suite, RegressionDetector with, long cell) {
        return rate(trial -> {
            SplittableRandom random = new SplittableRandom(seed ^ (cell * 0xD6E8FEB86659FD93L) ^ trial * 0x94D049BB133111EBL);
            List<ComparisonInput> inputs = new ArrayList<>(suite.size());
            for (int k = 0; k < suite.size(); k++) {
                inputs.add(input(suite.get(k), random, "T" + k + "#m"));
            }
            return with.compare(inputs).stream().anyMatch(c -> c.outcome() == RegressionOutcome.REGRESSED);
        });
    }

    /**
     * Confirmation runs: the baseline has {@code baselineReplicates}; the current side starts with
     * {@code step} and adds {@code step} per rerun while INCONCLUSIVE, up to the cap.
     */
    SequentialRate sequential(Setting setting, RegressionDetector with, int step, int cap, long cell) {
        RegressionDetector capped = new RegressionDetector(with.policy().withMaxReplicates(cap));
        int[] regressed = new int[trials];
        int[] used = new int[trials];
        int[] undecided = new int[trials];
        IntStream.range(0, trials).parallel().forEach(trial -> {
            SplittableRandom random = new SplittableRandom(seed ^ (cell * 0x9E3779B97F4A7C15L) ^ trial * 0xBF58476D1CE4E5B9L);
            double[] baseline = replicates(setting, random, setting.baselineReplicates(), 1);
            double runFactor = setting.runOffset() == 0 ? 1 : Math.exp(setting.runOffset() * random.nextGaussian());
            double[] current = new double[0];
            RegressionOutcome outcome;
            do {
                double[] more = replicates(new Setting(setting.pool(), setting.metric(), setting.noise(), 0,
                        setting.regression(), 0, step), random, step, (1 + setting.regression()) * runFactor);
                double[] joined = java.util.Arrays.copyOf(current, current.length + more.length);
                System.arraycopy(more, 0, joined, current.length, more.length);
                current = joined;
                boolean atCap = current.length + step > cap;
                outcome = capped.compare(new ComparisonInput("T#m", "T#m", setting.metric(), baseline, current,
                        "simulated", List.of(), atCap)).outcome();
                if (atCap) {
                    break;
                }
            } while (outcome == RegressionOutcome.INCONCLUSIVE);
            regressed[trial] = outcome == RegressionOutcome.REGRESSED ? 1 : 0;
            undecided[trial] = outcome == RegressionOutcome.INCONCLUSIVE ? 1 : 0;
            used[trial] = current.length;
        });
        int hits = IntStream.of(regressed).sum();
        return new SequentialRate(new Rate(hits, trials), IntStream.of(used).average().orElse(0),
                IntStream.of(undecided).sum() / (double) trials);
    }

    Rate rate(IntPredicate trial) {
        long hits = IntStream.range(0, trials).parallel().filter(trial).count();
        return new Rate((int) hits, trials);
    }

    /** A proportion with its exact (Clopper–Pearson) one-sided 95 % upper bound. */
    record Rate(int hits, int trials) {
        double value() {
            return (double) hits / trials;
        }

        double upper95() {
            if (hits >= trials) {
                return 1;
            }
            return BetaDistribution.of(hits + 1, trials - hits).inverseCumulativeProbability(0.95);
        }

        String percent() {
            return pct(value());
        }

        String withUpper() {
            return pct(value()) + " (<= " + pct(upper95()) + ")";
        }
    }

    record SequentialRate(Rate regressed, double meanCurrentReplicates, double undecidedAtCap) {
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String signed(double fraction) {
        return String.format(Locale.ROOT, "+%.0f%%", fraction * 100);
    }

    /**
     * Histories of 30 runs (10 replicates of p95 each, 5 % noise, 2 % run-to-run offset): how often a
     * change point that would alert is found without any change, and how often a +10 % / +20 % step at run
     * 20 is found; and how often the last 3 runs are each worse than an unchanged baseline.
     */
    void trends(Pool pool, long cell) {
        io.perfgate.core.trend.TrendAnalyzer analyzer = io.perfgate.core.trend.TrendAnalyzer.defaults(detector.policy());
        System.out.println("## 5. Trend: 30-run histories of p95 (10 replicates a run, 5% noise, 2% run-to-run offset)");
        System.out.println();
        System.out.println("| history | change point for the worse (E-divisive, p <= 0.001) | last 3 runs each worse"
                + " than the baseline | either |");
        System.out.println("|---|---|---|---|");
        Setting setting = new Setting(pool, RegressionMetric.P95, 0.05, 0.02, 0, 10, 10);
        for (double step : new double[] {0, 0.10, 0.20}) {
            long stepCell = cell * 10 + Math.round(step * 100);
            int[][] found = new int[trials][];
            IntStream.range(0, trials).parallel().forEach(trial -> {
                SplittableRandom random = new SplittableRandom(seed ^ (stepCell * 0x9E3779B97F4A7C15L) ^ trial * 0xBF58476D1CE4E5B9L);
                double[] baseline = replicates(setting, random, 10, 1);
                List<io.perfgate.core.trend.TrendPoint> points = new ArrayList<>();
                for (int run = 0; run < 30; run++) {
                    double[] values = replicates(setting, random, 10, run >= 20 ? 1 + step : 1);
                    points.add(new io.perfgate.core.trend.TrendPoint(java.time.Instant.ofEpochSecond(86_400L * run),
                            "c" + run, RegressionDetector.median(values), values));
                }
                List<String> alerts = analyzer.analyze("T#m" + trial, "T#m", RegressionMetric.P95, points, baseline,
                        java.time.Instant.EPOCH.minusSeconds(1)).alerts();
                boolean changed = alerts.stream().anyMatch(alert -> alert.contains(" changed "));
                boolean worse = alerts.stream().anyMatch(alert -> alert.contains(" was worse than its baseline"));
                found[trial] = new int[] {changed ? 1 : 0, worse ? 1 : 0, changed || worse ? 1 : 0};
            });
            StringBuilder row = new StringBuilder("| " + (step == 0 ? "no change" : signed(step) + " from run 20 on")
                    + " |");
            for (int k = 0; k < 3; k++) {
                int column = k;
                row.append(' ').append(new Rate((int) java.util.Arrays.stream(found).filter(f -> f[column] == 1).count(),
                        trials).withUpper()).append(" |");
            }
            System.out.println(row);
        }
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20240501L;
        RegressionEvaluation evaluation = new RegressionEvaluation(trials, seed);
        if (args.length > 2) {
            evaluation.sections = java.util.Set.of(args[2].split(","));
        }
        evaluation.run();
    }

    void run() {
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "perfgate regression evaluation: %d trials per cell, seed %d, %d samples per round,"
                        + " %d CPUs%n", trials, seed, SAMPLES_PER_ROUND, Runtime.getRuntime().availableProcessors());
        System.out.println("Decision rule: exact one-sided Mann-Whitney on replicate values (Holm across the suite,"
                + " alpha 5%) AND the Hodges-Lehmann interval (each end at 95%) entirely beyond the allowed change.");
        System.out.println();
        List<Pool> pools = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            pools.add(pool(shape));
        }
        long cell = 0;

        RegressionDetector zero = new RegressionDetector(detector.policy().withAllowed(
                "p50=+0%,p95=+0%,p99=+0%,mean=+0%", "evaluation"));
        if (sections.contains("1")) {
            // 1. A/A per metric at the default allowed changes, and at allowed 0 % (the rank test alone).
            System.out.println("## 1. A/A false alarms per metric (single comparison; rate and its 95% upper bound)");
            System.out.println();
            System.out.println("| distribution | noise | replicates a side | p50 (+10%) | p95 (+20%) | p99 (+50%) | mean (+10%)"
                    + " | p95, allowed 0% |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (Pool pool : pools) {
                for (double noise : NOISES) {
                    for (int n : new int[] {5, 10, 30}) {
                        StringBuilder row = new StringBuilder("| " + pool.shape().name().toLowerCase(Locale.ROOT)
                                + " | " + pct(noise) + " | " + n + " |");
                        for (RegressionMetric metric : METRICS) {
                            Rate rate = regressedRate(new Setting(pool, metric, noise, 0, 0, n, n), detector, ++cell);
                            row.append(' ').append(rate.withUpper()).append(" |");
                        }
                        Rate bare = regressedRate(new Setting(pool, RegressionMetric.P95, noise, 0, 0, n, n), zero, ++cell);
                        row.append(' ').append(bare.withUpper()).append(" |");
                        System.out.println(row);
                    }
                }
            }
            System.out.println();
        }

        if (sections.contains("2")) {
            // 2. A/A for a 100-metric suite (25 tests x p50, p95, p99, mean), Holm.
            System.out.println("## 2. A/A false alarms of a 100-metric suite (25 tests x p50/p95/p99/mean, Holm),"
                    + " share of suites with any REGRESSED");
            System.out.println();
            System.out.println("| distribution | noise | replicates a side | default allowed changes | allowed 0% (test alone)"
                    + " | 3% run-to-run offset, no history | 3% offset, 10-run history |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Pool pool : pools) {
                for (double noise : NOISES) {
                    for (int n : noise == 0.05 ? new int[] {7, 10, 30} : new int[] {10}) {
                        List<Setting> suite = new ArrayList<>();
                        List<Setting> offset = new ArrayList<>();
                        List<Setting> calibrated = new ArrayList<>();
                        for (int t = 0; t < 25; t++) {
                            for (RegressionMetric metric : METRICS) {
                                suite.add(new Setting(pool, metric, noise, 0, 0, n, n));
                                offset.add(new Setting(pool, metric, noise, 0.03, 0, n, n));
                                calibrated.add(new Setting(pool, metric, noise, 0.03, 0, n, n, 10));
                            }
                        }
                        Rate defaults = suiteFalseAlarm(suite, detector, ++cell);
                        Rate bare = suiteFalseAlarm(suite, zero, ++cell);
                        Rate shifted = suiteFalseAlarm(offset, detector, ++cell);
                        Rate withHistory = suiteFalseAlarm(calibrated, detector, ++cell);
                        System.out.println("| " + pool.shape().name().toLowerCase(Locale.ROOT) + " | " + pct(noise) + " | "
                                + n + " | " + defaults.withUpper() + " | " + bare.withUpper() + " | "
                                + shifted.withUpper() + " | " + withHistory.withUpper() + " |");
                    }
                }
            }
            System.out.println();
        }

        if (sections.contains("3")) {
            // 3. Detection and replicates needed.
            System.out.println("## 3. Detection rate of injected regressions (single comparison) and replicates a side"
                    + " needed for >= 95%");
            System.out.println();
            System.out.println("| distribution | noise | metric (allowed) | regression | detected at 10 a side | at 20 | at 30"
                    + " | replicates needed |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            record Target(RegressionMetric metric, String allowedSpec, double allowed, double[] regressions) {
            }
            List<Target> targets = List.of(
                    new Target(RegressionMetric.P50, "p50=+5%", 0.05, new double[] {0.05, 0.10, 0.20}),
                    new Target(RegressionMetric.P50, null, 0.10, new double[] {0.10, 0.20, 0.30}),
                    new Target(RegressionMetric.P95, null, 0.20, new double[] {0.20, 0.30}),
                    new Target(RegressionMetric.P99, null, 0.50, new double[] {0.30, 0.50, 0.80}),
                    new Target(RegressionMetric.MEAN, null, 0.10, new double[] {0.10, 0.20, 0.30}));
            for (Pool pool : pools) {
                for (double noise : NOISES) {
                    for (Target target : targets) {
                        RegressionDetector with = target.allowedSpec() == null ? detector
                                : new RegressionDetector(detector.policy().withAllowed(target.allowedSpec(), "evaluation"));
                        for (double regression : target.regressions()) {
                            StringBuilder row = new StringBuilder("| " + pool.shape().name().toLowerCase(Locale.ROOT)
                                    + " | " + pct(noise) + " | " + target.metric().label() + " (" + signed(target.allowed())
                                    + ") | " + signed(regression) + " |");
                            java.util.Map<Integer, Rate> byReplicates = new java.util.HashMap<>();
                            long rowCell = ++cell * 1_000;
                            java.util.function.IntFunction<Rate> detection = n -> byReplicates.computeIfAbsent(n,
                                    k -> regressedRate(new Setting(pool, target.metric(), noise, 0, regression, k, k),
                                            with, rowCell + k));
                            for (int n : new int[] {10, 20, 30}) {
                                row.append(' ').append(detection.apply(n).percent()).append(" |");
                            }
                            String needed = "> " + REPLICATE_GRID[REPLICATE_GRID.length - 1];
                            if (regression > target.allowed() + 1e-9) {
                                for (int n : REPLICATE_GRID) {
                                    if (detection.apply(n).value() >= TARGET_DETECTION) {
                                        needed = Integer.toString(n);
                                        break;
                                    }
                                }
                            } else {
                                needed = "(at the boundary)";
                            }
                            row.append(' ').append(needed).append(" |");
                            System.out.println(row);
                        }
                    }
                }
            }
            System.out.println();
        }

        if (sections.contains("3b")) {
            // 3b. The price of honesty about run-to-run variation.
            System.out.println("## 3b. Detection with a 3% run-to-run offset, interval widened by a 10-run history");
            System.out.println();
            System.out.println("| distribution | noise | metric (allowed) | regression | detected at 10 a side | at 20 | at 30 |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Pool pool : pools) {
                for (Object[] scenario : new Object[][] {
                        {RegressionMetric.P50, "p50=+5%", 0.05, 0.10}, {RegressionMetric.P95, null, 0.20, 0.30}}) {
                    RegressionMetric metric = (RegressionMetric) scenario[0];
                    RegressionDetector with = scenario[1] == null ? detector
                            : new RegressionDetector(detector.policy().withAllowed((String) scenario[1], "evaluation"));
                    StringBuilder row = new StringBuilder("| " + pool.shape().name().toLowerCase(Locale.ROOT) + " | 5.00% | "
                            + metric.label() + " (" + signed((Double) scenario[2]) + ") | " + signed((Double) scenario[3])
                            + " |");
                    for (int n : new int[] {10, 20, 30}) {
                        Rate rate = regressedRate(new Setting(pool, metric, 0.05, 0.03, (Double) scenario[3], n, n, 10),
                                with, ++cell);
                        row.append(' ').append(rate.percent()).append(" |");
                    }
                    System.out.println(row);
                }
            }
            System.out.println();
        }

        if (sections.contains("4")) {
            // 4. Confirmation runs: INCONCLUSIVE adds replicates up to the cap.
            System.out.println("## 4. Confirmation runs: baseline 40 replicates; the current run starts with 10 and adds 10"
                    + " per rerun while INCONCLUSIVE, cap 40");
            System.out.println();
            System.out.println("| distribution | noise | metric (allowed) | regression | REGRESSED | still INCONCLUSIVE at cap"
                    + " | mean current replicates |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Pool pool : pools) {
                for (double noise : new double[] {0.05}) {
                    for (Object[] scenario : new Object[][] {
                            {RegressionMetric.P50, "p50=+5%", 0.05, new double[] {0, 0.10}},
                            {RegressionMetric.P95, null, 0.20, new double[] {0, 0.30}}}) {
                        RegressionMetric metric = (RegressionMetric) scenario[0];
                        RegressionDetector with = scenario[1] == null ? detector
                                : new RegressionDetector(detector.policy().withAllowed((String) scenario[1], "evaluation"));
                        for (double regression : (double[]) scenario[3]) {
                            SequentialRate result = sequential(new Setting(pool, metric, noise, 0, regression, 40, 10),
                                    with, 10, 40, ++cell);
                            System.out.println("| " + pool.shape().name().toLowerCase(Locale.ROOT) + " | " + pct(noise)
                                    + " | " + metric.label() + " (" + signed((Double) scenario[2]) + ") | "
                                    + (regression == 0 ? "none (A/A)" : signed(regression)) + " | "
                                    + result.regressed().withUpper() + " | " + pct(result.undecidedAtCap()) + " | "
                                    + String.format(Locale.ROOT, "%.1f", result.meanCurrentReplicates()) + " |");
                        }
                    }
                }
            }
            System.out.println();
        }

        // 5. Trend: E-divisive on run histories and the consecutive-degradation alert.
        if (sections.contains("5")) {
            trends(pools.get(0), ++cell);
        }
        System.out.println();
        for (Shape shape : Shape.values()) {
            System.out.println("- " + shape.name().toLowerCase(Locale.ROOT) + ": " + shape.description);
        }
        System.out.printf(Locale.ROOT, "%nDone in %.0f s.%n", (System.nanoTime() - started) / 1e9);
    }
}
