package io.perfgate.core.trend;

import io.perfgate.core.gate.Direction;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionPolicy;
import io.perfgate.core.regression.ChangeText;
import io.perfgate.core.regression.RunToRunNoise;
import io.perfgate.core.regression.ShiftBounds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a metric's history: change points by E-divisive means on the runs' figures, and the
 * specification's "consecutive degradations": the latest runs each worse than the baseline, with
 * confidence, by more than half the allowed change, even when within it, which is how a regression
 * that creeps in one small step at a time shows.
 */
public final class TrendAnalyzer {
    /** Runs needed before change points are looked for: two segments of at least three. */
    public static final int MIN_RUNS = 6;

    /**
     * Each run in a row must be worse than the baseline by more than this share of the allowed change: a
     * steady offset of a percent or two (the baseline run was a quick one) is no creeping regression.
     */
    public static final double CREEP_SHARE = 0.5;

    /** Each run in a row must be worse than the baseline with this confidence. */
    public static final double DEFAULT_WORSE_CONFIDENCE = 0.99;

    private final EDivisive changePoints;
    private final RegressionPolicy policy;
    private final int consecutive;
    private final double worseConfidence;

    /**
     * @param consecutive     how many worse runs in a row raise the alert (3 by default)
     * @param worseConfidence how sure each run's "worse than the baseline" must be (0.99 by default: the runs
     *                        share one baseline, so their comparisons err together)
     */
    public TrendAnalyzer(EDivisive changePoints, RegressionPolicy policy, int consecutive, double worseConfidence) {
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive degradations must be at least 1, got " + consecutive);
        }
        this.changePoints = changePoints;
        this.policy = policy;
        this.consecutive = consecutive;
        this.worseConfidence = worseConfidence;
    }

    public static TrendAnalyzer defaults(RegressionPolicy policy) {
        return new TrendAnalyzer(EDivisive.defaults(), policy, 3, DEFAULT_WORSE_CONFIDENCE);
    }

    /**
     * @param points         the comparable runs, oldest first, the current run last
     * @param baseline       the baseline's replicate values of this metric; null when there is no baseline
     * @param baselineAt     when the baseline was recorded; change points before it count as accepted
     */
    public TrendFinding analyze(String testId, String testLabel, RegressionMetric metric, List<TrendPoint> points,
                                double[] baseline, Instant baselineAt) {
        List<String> alerts = new ArrayList<>();
        List<TrendFinding.Shift> shifts = new ArrayList<>();
        if (points.size() >= MIN_RUNS) {
            double[] series = points.stream().mapToDouble(TrendPoint::value).toArray();
            long seed = (testId + ":" + metric.label()).hashCode();
            int previous = 0;
            List<EDivisive.ChangePoint> found = changePoints.detect(series, seed);
            for (int k = 0; k < found.size(); k++) {
                EDivisive.ChangePoint point = found.get(k);
                int next = k + 1 < found.size() ? found.get(k + 1).index() : series.length;
                double before = median(Arrays.copyOfRange(series, previous, point.index()));
                double after = median(Arrays.copyOfRange(series, point.index(), next));
                double ratio = after / before;
                boolean worse = metric.direction() == Direction.LOWER_IS_BETTER ? after > before : after < before;
                TrendPoint at = points.get(point.index());
                boolean sinceBaseline = baselineAt == null || at.at() == null || at.at().isAfter(baselineAt);
                shifts.add(new TrendFinding.Shift(point.index(), before, after, ratio, point.pValue(), worse,
                        sinceBaseline));
                if (worse && sinceBaseline) {
                    String changed = metric.absolute() ? ChangeText.ofDifference(after - before, metric.kind())
                            : percent(ratio);
                    alerts.add(metric.label() + " of " + testLabel + " changed " + changed + " ("
                            + metric.kind().format(before) + " to " + metric.kind().format(after) + ") from "
                            + describe(at) + " on, in a history of " + series.length + " runs (E-divisive, p = "
                            + String.format(Locale.ROOT, "%.3f", point.pValue()) + ")");
                }
                previous = point.index();
            }
        }
        int worseInARow = 0;
        List<String> changes = new ArrayList<>();
        if (baseline != null && baseline.length > 0) {
            // each run and the baseline carry their own run-level offset: widen as comparisons are
            double runToRun = RunToRunNoise.sd(points.stream().map(TrendPoint::replicates).toList(), metric);
            for (int i = points.size() - 1; i >= 0; i--) {
                TrendPoint point = points.get(i);
                ShiftBounds bounds = ShiftBounds.of(metric, baseline, point.replicates(), worseConfidence, runToRun);
                if (bounds == null || !bounds.worseBeyond(metric, policy.allowedFor(testLabel, metric), CREEP_SHARE)) {
                    break;
                }
                worseInARow++;
                changes.add(0, metric.absolute() ? ChangeText.ofDifference(bounds.change(), metric.kind())
                        : percent(bounds.change()));
            }
            if (worseInARow >= consecutive) {
                alerts.add(metric.label() + " of " + testLabel + " was worse than its baseline in each of the last "
                        + worseInARow + " runs (" + String.join(", ", changes) + "), each with "
                        + Math.round(worseConfidence * 100) + "% confidence by more than half the allowed "
                        + policy.allowedFor(testLabel, metric).format(metric.direction())
                        + ": a regression creeping in below it");
            }
        }
        return new TrendFinding(testId, testLabel, metric, points, shifts, worseInARow, alerts);
    }

    private static String describe(TrendPoint point) {
        String commit = point.commit() == null ? "an unknown commit"
                : "commit " + point.commit().substring(0, Math.min(7, point.commit().length()));
        return point.at() == null ? commit : commit + " (" + point.at().toString().substring(0, 10) + ")";
    }

    private static String percent(double ratio) {
        double change = (ratio - 1) * 100;
        return (change < 0 ? "-" : "+") + String.format(Locale.ROOT, "%.0f", Math.abs(change)) + "%";
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }
}
