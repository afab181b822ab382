package io.perfgate.core.regression;

import org.apache.commons.statistics.distribution.TDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the levels of separate JVMs running the same code lie apart, measured from a comparison's own
 * replicates when baseline or run (or both) measured the test in several JVMs (forks). Rounds inside one JVM
 * share its JIT decisions and heap layout, so their spread misses this variation; identical code has measured
 * p50 172 us in one JVM and 243-254 us in the next.
 *
 * <p>A JVM's level is the median log value of its replicates. The spread is the pooled standard deviation of the
 * levels around their side's mean (each side has its own mean, since a side may have regressed), on
 * {@code degreesOfFreedom = (baseline JVMs - 1) + (run JVMs - 1)}. It contains the rounds' own noise divided by
 * the rounds a JVM, so it is not the between-JVM variance component alone; that is what makes the interval it
 * gives, a Student t interval of the difference of the two sides' mean levels, exact for normal levels however
 * the noise splits between and within JVMs.
 *
 * @param logSd             standard deviation of JVM levels, log scale (0.05 is about 5 %)
 * @param baselineJvms      JVMs that measured the baseline's values
 * @param currentJvms       JVMs that measured the current values
 * @param degreesOfFreedom  of the spread's estimate
 */
public record JvmSpread(double logSd, int baselineJvms, int currentJvms, int degreesOfFreedom) {

    /**
     * The spread of the JVMs behind two sets of replicate values; null when neither side has two JVMs (one
     * JVM a side says nothing about the spread between JVMs).
     *
     * @param baselineJvms the JVM of each baseline value; empty when the values came from one JVM
     * @param currentJvms  the JVM of each current value; empty when the values came from one JVM
     */
    public static JvmSpread of(double[] baseline, int[] baselineJvms, double[] current, int[] currentJvms) {
        double[] baseLevels = levels(baseline, baselineJvms);
        double[] currentLevels = levels(current, currentJvms);
        int df = Math.max(0, baseLevels.length - 1) + Math.max(0, currentLevels.length - 1);
        if (df < 1) {
            return null;
        }
        double squares = squaresAroundMean(baseLevels) + squaresAroundMean(currentLevels);
        return new JvmSpread(Math.sqrt(squares / df), Math.max(1, baseLevels.length), Math.max(1, currentLevels.length),
                df);
    }

    /**
     * Half the width of the one-sided interval of the shift of mean levels at this confidence:
     * {@code t(df) * sd * sqrt(1/k1 + 1/k2)}.
     */
    public double halfWidth(double confidence) {
        double t = TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(confidence);
        return t * logSd * Math.sqrt(1.0 / baselineJvms + 1.0 / currentJvms);
    }

    /** "5.1% between 3 + 3 JVMs". */
    public String describe() {
        return ChangeText.number(logSd * 100) + "% between " + baselineJvms + " + " + currentJvms + " JVMs";
    }

    /**
     * Each JVM's level, the median of its log values (a round distorted by a busy machine moves a mean, not a
     * median), in JVM order; every value one JVM when none are given.
     */
    private static double[] levels(double[] values, int[] jvms) {
        Map<Integer, List<Double>> logs = new TreeMap<>();
        boolean marked = jvms != null && jvms.length == values.length && values.length > 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                logs.computeIfAbsent(marked ? jvms[i] : 0, jvm -> new ArrayList<>()).add(Math.log(values[i]));
            }
        }
        return logs.values().stream()
                .map(ofJvm -> ofJvm.stream().mapToDouble(Double::doubleValue).toArray())
                .mapToDouble(RegressionDetector::median)
                .toArray();
    }

    private static double squaresAroundMean(double[] levels) {
        if (levels.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(levels).average().orElse(0);
        return Arrays.stream(levels).map(level -> (level - mean) * (level - mean)).sum();
    }
}
