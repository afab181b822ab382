package io.perfgate.core.regression;

import io.perfgate.core.gate.QuantityKind;
import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares replicate values with the baseline's, for a whole suite at once.
 *
 * <p>For each metric: a one-sided exact Mann–Whitney test of "worse" on the replicate values, its
 * p-value adjusted across every fair comparison of the suite; and a Hodges–Lehmann interval of the
 * change: a ratio on log values, or for an absolute metric (CLS, TBT: often 0) a difference on raw values,
 * judged against an allowed change on the same scale ({@link AllowedChange#badnessBoundary}). REGRESSED
 * only when the adjusted test is significant and the whole interval lies beyond the allowed change;
 * UNCHANGED when the interval lies within it (IMPROVED when it lies beyond it the other way); INCONCLUSIVE
 * otherwise, with the replicates a side likely to settle it.
 */
public final class RegressionDetector {
    /** Where a regression's sentence turns to the way out; what explains the regression goes before it. */
    public static final String ACCEPT_HINT = "; if intended, accept it";

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    private final RegressionPolicy policy;

    public RegressionDetector(RegressionPolicy policy) {
        this.policy = policy;
    }

    public RegressionPolicy policy() {
        return policy;
    }

    /** Compares every input; the correction spans all fair comparisons among them. */
    public List<MetricComparison> compare(List<ComparisonInput> inputs) {
        int count = inputs.size();
        double[] pValues = new double[count];
        ShiftEstimate[] shifts = new ShiftEstimate[count];
        double[][] baselines = new double[count][];
        double[][] currents = new double[count][];
        List<Integer> fair = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ComparisonInput input = inputs.get(i);
            pValues[i] = Double.NaN;
            if (usable(input.metric(), input.baseline()) && usable(input.metric(), input.current())) {
                double[] baseline = badness(input.metric(), input.baseline());
                double[] current = badness(input.metric(), input.current());
                baselines[i] = baseline;
                currents[i] = current;
                pValues[i] = RankSumTest.pWorse(baseline, current);
                shifts[i] = widen(acrossJvms(ShiftEstimate.of(baseline, current, policy.confidence()),
                        input.jvmSpread()), input.runToRunSd());
                if (input.unfairBecause().isEmpty()) {
                    fair.add(i);
                }
            }
        }
        double[] adjusted = policy.correction().adjust(pValues, fair);
        List<MetricComparison> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(judge(inputs.get(i), baselines[i], currents[i], shifts[i], pValues[i], adjusted[i],
                    fair.size()));
        }
        return results;
    }

    /**
     * Each end of the interval at least as far out as the Student t interval of the JVMs' mean levels: with forks
     * the JVM, not the round, is the unit that varies independently, so a shift smaller than the JVMs' spread
     * explains is never claimed. Rounds alone keep the narrower Hodges–Lehmann interval when JVMs agree.
     */
    private ShiftEstimate acrossJvms(ShiftEstimate shift, JvmSpread spread) {
        if (spread == null || !shift.bounded()) {
            return shift;
        }
        double half = spread.halfWidth(policy.confidence());
        return new ShiftEstimate(shift.estimate(), Math.min(shift.lower(), shift.estimate() - half),
                Math.max(shift.upper(), shift.estimate() + half));
    }

    /**
     * Adds the run-to-run variation to each end of the interval: both runs carry an offset of that spread,
     * so their difference has sqrt(2) times it; combined in quadrature with the replicates' own half-width.
     */
    private ShiftEstimate widen(ShiftEstimate shift, double runToRunSd) {
        double extra = extraHalfWidth(runToRunSd);
        if (extra == 0 || !shift.bounded()) {
            return shift;
        }
        double below = shift.estimate() - shift.lower();
        double above = shift.upper() - shift.estimate();
        return new ShiftEstimate(shift.estimate(), shift.estimate() - Math.hypot(below, extra),
                shift.estimate() + Math.hypot(above, extra));
    }

    private double extraHalfWidth(double runToRunSd) {
        return runToRunSd > 0 ? NORMAL.inverseCumulativeProbability(policy.confidence()) * Math.sqrt(2) * runToRunSd : 0;
    }

    /** Compares a single metric on its own (no other comparison to correct for). */
    public MetricComparison compare(ComparisonInput input) {
        return compare(List.of(input)).get(0);
    }

    /**
     * @param baseline the baseline's replicates on the badness scale (null when not comparable), as {@code shift}
     * @param current  the run's, likewise
     */
    private MetricComparison judge(ComparisonInput input, double[] baseline, double[] current, ShiftEstimate shift,
                                   double p, double adjusted, int comparisons) {
        RegressionMetric metric = input.metric();
        AllowedChange allowed = policy.allowedFor(input.testLabel(), metric);
        int n = input.baseline().length;
        int m = input.current().length;
        double baselineValue = median(input.baseline());
        double currentValue = median(input.current());
        boolean widened = input.runToRunSd() > 0;
        JvmSpread spread = input.jvmSpread();
        String context = " (" + input.testLabel() + ", " + n + " vs " + m + " replicates"
                + (spread == null ? "" : ", JVM spread " + spread.describe())
                + (widened ? ", run-to-run variation " + spreadText(metric, input.runToRunSd()) + " from the history"
                : "");
        String vs = " vs baseline" + (input.baselineRef() == null ? "" : " (" + input.baselineRef() + ")");
        if (shift == null) {
            String message = metric.label() + " cannot be compared with the baseline: "
                    + (usable(metric, input.baseline()) ? "the current run has"
                    : usable(metric, input.current()) ? "the baseline has" : "the baseline and the current run have")
                    + " no usable replicate value"
                    + context + "); record replicates (JUnit rounds, JMH forks) with "
                    + (metric.absolute() ? "finite" : "positive") + " values";
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baselineValue, currentValue,
                    Double.NaN, Double.NaN, Double.NaN, p, adjusted, comparisons, 0, Undecided.NOT_COMPARABLE, message);
        }
        // the change as messages print it: a ratio, or a difference in the unit for an absolute metric
        double estimate = metric.changeOfShift(shift.estimate());
        double a = metric.changeOfShift(shift.lower());
        double b = metric.changeOfShift(shift.upper());
        double lowerChange = Math.min(a, b);
        double upperChange = Math.max(a, b);
        double allowedChange = metric.changeOfShift(allowed.badnessBoundary(metric.direction()));
        String change = metric.label() + " " + ChangeText.of(metric, estimate) + " "
                + ChangeText.interval(metric, lowerChange, upperChange, allowedChange) + vs;
        String allowedText = allowed.format(metric.direction());
        String statistics = context + ", p = " + ChangeText.pValue(adjusted) + (comparisons > 1
                ? " after " + policy.correction().displayName() + " over " + comparisons + " comparisons" : "") + ")";

        if (!input.unfairBecause().isEmpty()) {
            String message = change + " is not a fair comparison: " + String.join("; ", input.unfairBecause())
                    + context + "); rerun without it, or record a baseline in this environment"
                    + " (mvn verify perfgate:baseline)" + (input.unfairBecause().stream()
                    .anyMatch(reason -> reason.contains("coverage agent")) ? "; to run perf tests without the coverage"
                    + " agent while the other tests keep it, see the README's \"Coverage agents\"" : "");
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons, 0, Undecided.UNFAIR, message);
        }
        if (!shift.bounded()) {
            int needed = minimumBoundedReplicates();
            String message = change + " has no interval at " + percent(policy.confidence()) + " confidence"
                    + context + "): record at least " + needed + " replicates a side (JUnit: rounds, JMH: forks)";
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons,
                    Math.min(needed, policy.maxReplicates()),
                    Undecided.NO_INTERVAL, message);
        }
        double boundary = allowed.badnessBoundary(metric.direction());
        boolean significant = adjusted <= policy.significance();
        Optional<String> switches = shift.lower() > boundary && significant && !metric.absolute()
                ? LevelSwitches.evidence(baseline, current, boundary)
                : Optional.empty();
        if (switches.isPresent()) {
            String message = change + " lies beyond the allowed " + allowedText + statistics + ", but the test"
                    + " switches between speeds with unchanged code: " + switches.get() + ", so JVM and machine luck"
                    + " could explain it: measure in more JVMs, baseline and run alike (-Dperfgate.forks=5), or"
                    + " compare with the base commit in one build (mvn perfgate:compare)";
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons, 0, Undecided.LEVEL_SWITCHES, message);
        }
        if (shift.lower() > boundary && significant) {
            String message = change + " exceeds the allowed " + allowedText + statistics
                    + ACCEPT_HINT + ": mvn perfgate:baseline -Dperfgate.accept="
                    + shellWord(input.testLabel() + ":" + metric.label()) + " -Dperfgate.reason=\"...\"";
            return result(input, allowed, RegressionOutcome.REGRESSED, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons, 0, null, message);
        }
        if (shift.upper() < -boundary) {
            String message = change + " is an improvement beyond the allowed change" + statistics
                    + "; record a new baseline to keep it (mvn verify perfgate:baseline)";
            return result(input, allowed, RegressionOutcome.IMPROVED, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons, 0, null, message);
        }
        if (shift.upper() < boundary) {
            String message = change + " is within the allowed " + allowedText + statistics;
            return result(input, allowed, RegressionOutcome.UNCHANGED, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons, 0, null, message);
        }
        // Undecided: the interval straddles the boundary, or lies beyond it without suite-wide significance.
        int have = Math.min(n, m);
        String why;
        if (shift.lower() > boundary) {
            why = " lies beyond the allowed " + allowedText + " but is not significant across the suite";
        } else {
            why = " cannot be told from the allowed " + allowedText;
        }
        if (input.atCap() || have >= policy.maxReplicates()) {
            String message = change + why + statistics + "; still undecided at the cap of "
                    + policy.maxReplicates() + " replicates: a change up to "
                    + ChangeText.of(metric, metric.changeOfShift(shift.upper())) + " cannot be excluded";
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons, 0, Undecided.AT_CAP, message);
        }
        double jvmHalf = spread == null ? 0 : spread.halfWidth(policy.confidence());
        if (spread != null && jvmHalf >= Math.abs(shift.estimate() - boundary) && !(shift.lower() > boundary)) {
            String message = change + why + statistics + "; the spread between JVMs alone (" + spread.describe()
                    + ") spans the distance to the allowed change, so JVM luck could explain it: measure in more"
                    + " JVMs, baseline and run alike (" + forksAdvice(spread, Math.abs(shift.estimate() - boundary))
                    + "), or compare with the base commit in one build (mvn perfgate:compare)";
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons, 0, Undecided.JVM_SPREAD, message);
        }
        double extra = extraHalfWidth(input.runToRunSd());
        if (extra >= Math.abs(shift.estimate() - boundary) && !(shift.lower() > boundary)) {
            String message = change + why + statistics + "; the run-to-run variation alone spans the distance to"
                    + " the allowed change, so more replicates in one run cannot settle it: rerun the build at the"
                    + " same commit to pool runs, or reduce the variation between runs";
            return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baselineValue, currentValue,
                    estimate, lowerChange, upperChange, p, adjusted, comparisons, 0, Undecided.RUN_TO_RUN, message);
        }
        int suggested = suggestReplicates(shift, extra, boundary, have, !significant && shift.lower() > boundary,
                comparisons);
        String message = change + why + statistics + "; to confirm, rerun the build at the same commit (its"
                + " replicates are pooled, up to " + policy.maxReplicates() + ") or record about " + suggested
                + " a side in baseline and run alike (JUnit rounds: the comprehensive profile records 20; JMH: forks)";
        Undecided undecided = shift.lower() > boundary && !significanceReachable(n, m, comparisons)
                ? Undecided.NO_SIGNIFICANCE : Undecided.STRADDLES;
        return result(input, allowed, RegressionOutcome.INCONCLUSIVE, baselineValue, currentValue,
                estimate, lowerChange, upperChange, p, adjusted, comparisons, suggested, undecided, message);
    }

    /**
     * The interval's half-width shrinks like 1/sqrt(replicates); scale until it clears the boundary.
     * When only significance is missing, ask for the replicates the correction needs at the least.
     */
    private int suggestReplicates(ShiftEstimate shift, double extra, double boundary, int have,
                                  boolean onlySignificance, int comparisons) {
        int needed;
        if (onlySignificance) {
            needed = Math.max(have + 1, replicatesForSignificance(comparisons));
        } else {
            // only the replicates' part of the half-width shrinks; the run-to-run part stays
            double total = (shift.upper() - shift.lower()) / 2;
            double halfWidth = Math.sqrt(Math.max(0, total * total - extra * extra));
            double room = Math.abs(shift.estimate() - boundary);
            double distance = Math.sqrt(Math.max(0, room * room - extra * extra));
            double scale = distance <= 1e-12 ? Double.POSITIVE_INFINITY : halfWidth / distance;
            double wanted = have * scale * scale;
            needed = wanted > policy.maxReplicates() ? policy.maxReplicates() : (int) Math.ceil(wanted);
        }
        return Math.max(have + 1, Math.min(policy.maxReplicates(), needed));
    }

    /** The forks a side that would likely resolve the distance at the same spread, or "more forks" beyond 20. */
    private String forksAdvice(JvmSpread spread, double distance) {
        for (int forks = Math.max(spread.baselineJvms(), spread.currentJvms()) + 1; forks <= 20; forks++) {
            JvmSpread more = new JvmSpread(spread.logSd(), forks, forks, 2 * forks - 2);
            if (more.halfWidth(policy.confidence()) < distance) {
                return "about -Dperfgate.forks=" + forks;
            }
        }
        return "many more forks: -Dperfgate.forks=20 would not settle it";
    }

    /** Fewest replicates a side whose most extreme exact p-value passes the corrected level. */
    public int replicatesForSignificance(int comparisons) {
        for (int k = 2; k < policy.maxReplicates(); k++) {
            if (significanceReachable(k, k, comparisons)) {
                return k;
            }
        }
        return policy.maxReplicates();
    }

    public int minimumBoundedReplicates() {
        for (int k = 2; k < 100; k++) {
            if (RankSumTest.boundRank(k, k, policy.confidence()) >= 1) {
                return k;
            }
        }
        return 100;
    }

    /**
     * @param change      the change as messages print it: a ratio, or for an absolute metric a difference
     * @param lowerChange the lower end of its interval, on the same scale
     * @param upperChange the upper end
     */
    private static MetricComparison result(ComparisonInput input, AllowedChange allowed, RegressionOutcome outcome,
                                           double baselineValue, double currentValue, double change,
                                           double lowerChange, double upperChange, double p, double adjusted,
                                           int comparisons, int suggested, Undecided undecided,
                                           String message) {
        return new MetricComparison(input.testId(), input.testLabel(), input.metric(), allowed, outcome,
                input.baseline().length, input.current().length, baselineValue, currentValue,
                change, lowerChange, upperChange, p, adjusted, comparisons, input.baselineRef(), input.unfairBecause(),
                input.runToRunSd() > 0 ? input.runToRunSd() : 0, suggested, undecided, message);
    }

    /** Whether n vs m replicates can reach the significance level at all over this many comparisons. */
    public boolean significanceReachable(int n, int m, int comparisons) {
        if (n < 1 || m < 1) {
            return false;
        }
        double best = Math.max(n, m) < RankSumTest.EXACT_LIMIT ? RankSumTest.smallestP(n, m) : 0;
        return policy.correction().bestAdjusted(best, comparisons) <= policy.significance();
    }

    /** Whether n vs m replicates can bound the change at the policy's confidence. */
    public boolean intervalPossible(int n, int m) {
        return RankSumTest.boundRank(n, m, policy.confidence()) >= 1;
    }

    private static boolean usable(RegressionMetric metric, double[] values) {
        if (values.length == 0) {
            return false;
        }
        for (double value : values) {
            if (!metric.comparable(value)) {
                return false;
            }
        }
        return true;
    }

    /** A run-to-run spread as messages print it: {@code 3.1%} on the log scale, in the unit when absolute. */
    static String spreadText(RegressionMetric metric, double sd) {
        return metric.absolute() ? metric.kind().format(sd) : ChangeText.number(sd * 100) + "%";
    }

    private static double[] badness(RegressionMetric metric, double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = metric.badness(values[i]);
        }
        return result;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    private static String percent(double fraction) {
        return QuantityKind.PERCENT.format(fraction);
    }

    /** The value as one shell word, for a command to copy: quoted when it holds a space or a glob character. */
    static String shellWord(String value) {
        return value.matches("[A-Za-z0-9._#:/=,@+-]+") ? value : '"' + value.replace("\"", "\\\"") + '"';
    }
}
