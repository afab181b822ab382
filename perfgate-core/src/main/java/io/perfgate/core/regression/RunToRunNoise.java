package io.perfgate.core.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * How much a metric moves from one run to the next beyond what its replicates show. Replicates taken
 * inside one run (JUnit rounds in one JVM, load time slices) share that run's JIT decisions, memory
 * layout and machine state, so their spread misses the variation between runs; comparing two runs on
 * within-run replicates alone then finds "significant" changes that are only run-to-run noise.
 *
 * <p>Estimated from earlier comparable runs of the history: the spread of run levels (mean log value)
 * from successive differences, robustly (median absolute successive difference, so a real change of
 * level in the history counts once, not for every run after it), minus the part the within-run spread
 * explains. The result is a standard deviation on the log scale (0.03 is about 3 %); for an absolute
 * metric (CLS, TBT) on raw values, in the metric's unit.
 */
public final class RunToRunNoise {
    /** Earlier runs needed before the run-to-run variation is estimated. */
    public static final int MIN_RUNS = 5;

    private RunToRunNoise() {
    }

    /**
     * @param runs the replicate values of each earlier run, oldest first
     * @return the between-run standard deviation of log values; 0 when the runs show none beyond their
     *         replicates; NaN when there are fewer than {@link #MIN_RUNS} runs with two or more values
     */
    public static double logSd(List<double[]> runs) {
        return sd(runs, value -> value > 0 && !Double.isInfinite(value), Math::log);
    }

    /**
     * The variation on the scale the metric is compared on: {@link #logSd} for a relative metric, the standard
     * deviation of raw values, in the metric's unit, for an absolute one (a CLS of 0 has no logarithm).
     */
    public static double sd(List<double[]> runs, RegressionMetric metric) {
        return metric.absolute() ? sd(runs, Double::isFinite, value -> value) : logSd(runs);
    }

    private static double sd(List<double[]> runs, DoublePredicate usable, DoubleUnaryOperator scale) {
        List<Double> levels = new ArrayList<>();
        double withinVariance = 0;
        double replicates = 0;
        for (double[] run : runs) {
            if (run.length < 2 || Arrays.stream(run).anyMatch(value -> !usable.test(value))) {
                continue;
            }
            double mean = 0;
            for (double value : run) {
                mean += scale.applyAsDouble(value);
            }
            mean /= run.length;
            double variance = 0;
            for (double value : run) {
                double d = scale.applyAsDouble(value) - mean;
                variance += d * d;
            }
            withinVariance += variance / (run.length - 1);
            replicates += run.length;
            levels.add(mean);
        }
        int count = levels.size();
        if (count < MIN_RUNS) {
            return Double.NaN;
        }
        double[] differences = new double[count - 1];
        for (int i = 1; i < count; i++) {
            differences[i - 1] = Math.abs(levels.get(i) - levels.get(i - 1));
        }
        Arrays.sort(differences);
        double medianDifference = differences.length % 2 == 1 ? differences[differences.length / 2]
                : (differences[differences.length / 2 - 1] + differences[differences.length / 2]) / 2;
        // |difference of two normal levels| has median 0.6745 * sqrt(2) * sd
        double levelSd = medianDifference / (0.674_489_75 * Math.sqrt(2));
        double meanReplicates = replicates / count;
        double between = levelSd * levelSd - (withinVariance / count) / meanReplicates;
        return between > 0 ? Math.sqrt(between) : 0;
    }
}
