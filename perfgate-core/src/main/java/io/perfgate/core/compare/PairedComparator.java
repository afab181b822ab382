package io.perfgate.core.compare;

import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.Level;
import io.perfgate.core.regression.AllowedChange;
import io.perfgate.core.regression.ChangeText;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.regression.RegressionPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges paired comparisons as {@code check} judges baseline comparisons, with the pairing used: per pair the
 * log ratio head / base, a one-sided Wilcoxon signed-rank test on them, the Hodges–Lehmann interval of the
 * ratio, and the suite's correction (Holm by default) across every comparison. REGRESSED only when
 * significant after correction and the whole interval lies beyond the allowed change; UNCHANGED when it lies
 * within; IMPROVED when it lies beyond it the better way; INCONCLUSIVE otherwise, with the reason.
 */
public final class PairedComparator {

    private final RegressionPolicy policy;
    private final AllowedChange allocation;

    /** @param allocation the allowed growth of allocation per invocation */
    public PairedComparator(RegressionPolicy policy, AllowedChange allocation) {
        this.policy = policy;
        this.allocation = allocation;
    }

    /**
     * One metric of one test across the pairs.
     *
     * @param baseValues one value per pair (NaN where the fork has none)
     * @param problem    why some pair has no value; null when every pair has one
     */
    public record Input(String testId, String testLabel, PairedMetric metric, Level level, double[] baseValues,
                        double[] headValues, String problem) {
    }

    public RegressionPolicy policy() {
        return policy;
    }

    /** Judges every input; p-values are corrected across those that could be tested. */
    public List<PairedComparison> compare(List<Input> inputs) {
        int count = inputs.size();
        double[] pValues = new double[count];
        PairedShift[] shifts = new PairedShift[count];
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Input input = inputs.get(i);
            pValues[i] = Double.NaN;
            if (input.problem() == null && input.baseValues().length > 0) {
                double[] badness = badness(input);
                pValues[i] = SignedRankTest.pWorse(badness);
                shifts[i] = PairedShift.of(badness, policy.confidence());
                tested.add(i);
            }
        }
        double[] adjusted = policy.correction().adjust(pValues, tested);
        List<PairedComparison> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(judge(inputs.get(i), shifts[i], pValues[i], adjusted[i], tested.size()));
        }
        return results;
    }

    /** Per pair the log ratio head / base, negated where higher is better, so a positive shift is always worse. */
    private static double[] badness(Input input) {
        double sign = sign(input.metric());
        double[] badness = new double[input.baseValues().length];
        for (int i = 0; i < badness.length; i++) {
            badness[i] = sign * (Math.log(input.headValues()[i]) - Math.log(input.baseValues()[i]));
        }
        return badness;
    }

    private static double sign(PairedMetric metric) {
        return metric.direction() == Direction.LOWER_IS_BETTER ? 1 : -1;
    }

    private PairedComparison judge(Input input, PairedShift shift, double p, double adjusted, int comparisons) {
        PairedMetric metric = input.metric();
        AllowedChange allowed = metric.allowed(policy, input.testLabel(), allocation);
        double baseValue = median(input.baseValues());
        double headValue = median(input.headValues());
        int pairs = input.baseValues().length;
        String label = metric.label();
        if (shift == null) {
            String message = label + " cannot be compared with the base: " + (input.problem() == null
                    ? "no pair ran" : input.problem()) + " (" + input.testLabel() + ")";
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baseValue, headValue, Double.NaN,
                    Double.NaN, Double.NaN, p, adjusted, comparisons, message);
        }
        // head / base from the badness shift; where higher is better, the badness upper end is the lower ratio
        double sign = sign(metric);
        double ratio = Math.exp(sign * shift.estimate());
        double lower = Math.exp(sign > 0 ? shift.lower() : -shift.upper());
        double upper = Math.exp(sign > 0 ? shift.upper() : -shift.lower());
        double worst = Math.exp(sign * shift.upper());
        double boundary = allowed.badnessBoundary(metric.direction());
        String change = label + " " + ChangeText.ofRatio(ratio) + " "
                + ChangeText.interval(lower, upper, allowed.limit(1, metric.direction())) + " vs base ("
                + metric.kind().format(baseValue) + " -> " + metric.kind().format(headValue) + ")";
        String allowedText = allowed.format(metric.direction());
        String statistics = " (" + input.testLabel() + ", " + pairs + " pairs, p = " + ChangeText.pValue(adjusted)
                + (comparisons > 1 ? " after " + policy.correction().displayName() + " over " + comparisons
                + " comparisons" : "") + ")";
        if (!shift.bounded()) {
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baseValue, headValue, ratio, lower, upper,
                    p, adjusted, comparisons, change + " has no interval at " + percent(policy.confidence())
                            + " confidence" + statistics + "; run at least " + minimumPairs()
                            + " pairs (-Dperfgate.compare.pairs)");
        }
        boolean significant = adjusted <= policy.significance();
        if (shift.lower() > boundary && significant) {
            return result(input, allowed, RegressionOutcome.REGRESSED, baseValue, headValue, ratio, lower, upper,
                    p, adjusted, comparisons, change + " exceeds the allowed " + allowedText + statistics
                            + "; fix the regression, or if intended allow it: "
                            + shellWord("-Dperfgate.regression.allowed=" + input.testLabel() + ":" + label + "="
                            + allowing(worst, metric)));
        }
        if (shift.upper() < -boundary) {
            return result(input, allowed, RegressionOutcome.IMPROVED, baseValue, headValue, ratio, lower, upper,
                    p, adjusted, comparisons, change + " is an improvement beyond the allowed change" + statistics);
        }
        if (shift.upper() < boundary) {
            return result(input, allowed, RegressionOutcome.UNCHANGED, baseValue, headValue, ratio, lower, upper,
                    p, adjusted, comparisons, change + " is within the allowed " + allowedText + statistics);
        }
        String why = shift.lower() > boundary
                ? " lies beyond the allowed " + allowedText + " but is not significant across the suite"
                + (significanceReachable(pairs, comparisons) ? "" : ": " + pairs + " pairs cannot reach it over "
                + comparisons + " comparisons; run at least " + pairsForSignificance(comparisons)
                + " (-Dperfgate.compare.pairs)")
                : " cannot be told from the allowed " + allowedText;
        return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baseValue, headValue, ratio, lower, upper,
                p, adjusted, comparisons, change + why + statistics + "; more pairs (-Dperfgate.compare.pairs) or a"
                        + " quieter machine narrow the interval");
    }

    /**
     * The allowed change, in whole percent, that takes in a ratio: {@code +41%}, or for a throughput {@code -51%}
     * (at most -99 %, as a fall to nothing cannot be allowed).
     */
    private static String allowing(double worstRatio, PairedMetric metric) {
        double percent = Math.ceil(Math.abs(worstRatio - 1) * 100);
        return new AllowedChange((metric.direction() == Direction.LOWER_IS_BETTER ? percent : Math.min(99, percent))
                / 100).format(metric.direction());
    }

    /** Fewest pairs that bound the ratio at the policy's confidence. */
    public int minimumPairs() {
        for (int n = 1; n < SignedRankTest.MAX_PAIRS; n++) {
            if (SignedRankTest.boundRank(n, policy.confidence()) >= 1) {
                return n;
            }
        }
        return SignedRankTest.MAX_PAIRS;
    }

    /** Fewest pairs whose smallest p-value passes the corrected level over this many comparisons. */
    public int pairsForSignificance(int comparisons) {
        for (int n = 1; n < SignedRankTest.MAX_PAIRS; n++) {
            if (significanceReachable(n, comparisons)) {
                return n;
            }
        }
        return SignedRankTest.MAX_PAIRS;
    }

    private boolean significanceReachable(int pairs, int comparisons) {
        return policy.correction().bestAdjusted(SignedRankTest.smallestP(pairs), comparisons) <= policy.significance();
    }

    private static PairedComparison result(Input input, AllowedChange allowed, RegressionOutcome outcome,
                                           double baseValue, double headValue, double ratio, double lower,
                                           double upper, double p, double adjusted, int comparisons, String message) {
        return new PairedComparison(input.testId(), input.testLabel(), input.metric(), input.level(), allowed,
                outcome, input.baseValues(), input.headValues(), baseValue, headValue, ratio, lower, upper, p,
                adjusted, comparisons, message);
    }

    private static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (present.length == 0) {
            return Double.NaN;
        }
        int half = present.length / 2;
        return present.length % 2 == 1 ? present[half] : (present[half - 1] + present[half]) / 2;
    }

    private static String percent(double fraction) {
        return ChangeText.number(fraction * 100) + "%";
    }

    /**
     * The argument as a shell reads it back: quoted when it holds a space ({@code CPU mean}) or another special; in
     * double quotes, which sh, cmd and PowerShell all group by, unless it holds a character they treat inside them.
     */
    static String shellWord(String argument) {
        if (argument.matches("[A-Za-z0-9#:=+%.,_/@-]*")) {
            return argument;
        }
        return argument.matches("[^\"$`\\\\!]*") ? '"' + argument + '"' : "'" + argument.replace("'", "'\\''") + "'";
    }
}
