package io.perfgate.core.jmh;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import org.apache.commons.statistics.distribution.TDistribution;

import java.util.OptionalDouble;

/**
 * The verdict rule for a figure JMH reports with an error (a benchmark's score, or its allocation per
 * operation): the figure is judged by its 95 % confidence interval, not by the score alone, as a JUnit
 * percentile is judged by its 95 % confidence interval. JMH prints a 99.9 % Student-t interval over its n
 * measured iterations ({@code t(0.9995, n-1) s / sqrt(n)}); the same interval at 95 % is that error times
 * {@code t(0.975, n-1) / t(0.9995, n-1)} (with 2 iterations JMH's is 50 times wider than the 95 % one).
 * <ul>
 *   <li>the whole interval beyond the threshold: FAIL, noise cannot explain it;</li>
 *   <li>the interval reaches both sides of the threshold: INCONCLUSIVE, more forks or iterations decide;</li>
 *   <li>the whole interval within the threshold: the score decides between PASS and WARN (the target is
 *       advisory, so an interval across it needs no more data);</li>
 *   <li>no error at all (JMH gives none for a single measured iteration): INCONCLUSIVE.</li>
 * </ul>
 */
public final class JmhScoreRule {
    /** How to get a narrower interval, for INCONCLUSIVE messages. */
    public static final String FIX = "run more forks or iterations (-Dperfgate.jmh.forks=5"
            + " -Dperfgate.jmh.measurementIterations=5, or -Dperfgate.profile=standard), quiet the machine, or set"
            + " allowInconclusive = true";

    private JmhScoreRule() {
    }

    /** The confidence of the interval a figure is judged by. */
    public static final double CONFIDENCE = 0.95;

    /**
     * The half-width of the 95 % interval, from JMH's 99.9 % error.
     *
     * @param jmhError   JMH's error (half-width at 99.9 %); empty when JMH gave none
     * @param iterations the values JMH's error rests on (measured iterations over all forks, or samples)
     * @return empty without an error or with fewer than two values
     */
    public static OptionalDouble halfWidth(OptionalDouble jmhError, long iterations) {
        if (jmhError.isEmpty() || iterations < 2 || !Double.isFinite(jmhError.getAsDouble())) {
            return OptionalDouble.empty();
        }
        TDistribution t = TDistribution.of(iterations - 1);
        return OptionalDouble.of(Math.abs(jmhError.getAsDouble()) * t.inverseCumulativeProbability(0.5 + CONFIDENCE / 2)
                / t.inverseCumulativeProbability(0.9995));
    }

    /**
     * The verdict on a figure and the half-width of its interval ({@link #halfWidth}), in the metric's base unit.
     *
     * @param error half-width of the 95 % interval; empty when JMH could not compute one
     */
    public static Verdict verdict(Bound bound, Direction direction, double score, OptionalDouble error) {
        if (error.isEmpty()) {
            return Verdict.INCONCLUSIVE;
        }
        double halfWidth = Math.abs(error.getAsDouble());
        boolean lowFails = bound.judge(score - halfWidth, direction) == Verdict.FAIL;
        boolean highFails = bound.judge(score + halfWidth, direction) == Verdict.FAIL;
        if (lowFails != highFails) {
            return Verdict.INCONCLUSIVE;
        }
        return bound.judge(score, direction);
    }

    /**
     * Why a figure is INCONCLUSIVE, with the score, its error and the threshold (no context and no fix:
     * the caller adds where and {@link #FIX}).
     */
    public static String inconclusiveReason(Metric metric, Bound bound, double score, OptionalDouble error) {
        String measured = metric.label() + " = " + metric.kind().format(score);
        String threshold = metric.kind().format(bound.threshold());
        if (error.isEmpty()) {
            return measured + " has no verdict against the threshold " + threshold + ": JMH gives no error for a"
                    + " single measured iteration, so noise cannot be told from a real difference";
        }
        return measured + " ± " + metric.kind().format(Math.abs(error.getAsDouble()))
                + " has no verdict: its 95% confidence interval reaches both sides of the threshold " + threshold;
    }
}
