package io.perfgate.core.regression;

import io.perfgate.core.measure.Profile;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a check's replicates could show a regression at all. With the exact rank test the smallest
 * p-value n vs m replicates can give is 1 / C(n + m, n); Holm multiplies it by the number of comparisons,
 * so 5 vs 5 rounds over 45 comparisons reach at best 45/252 = 0.18 and can never be significant. Such a
 * check gets one line saying so, with the fix, instead of a warning per metric.
 */
public final class DetectionLimit {

    /**
     * @param blind   the comparisons that can never be REGRESSED with their replicates
     * @param message the one line: how many, why, and what would make them detectable
     */
    public record Limit(List<MetricComparison> blind, String message) {
        public Limit {
            blind = List.copyOf(blind);
        }

        public boolean covers(MetricComparison comparison) {
            return blind.contains(comparison);
        }
    }

    private DetectionLimit() {
    }

    /** Replicates a side of one comparison: {@code 5 vs 5}. */
    private record Size(int baseline, int current) {
        static Size of(MetricComparison comparison) {
            return new Size(comparison.baselineReplicates(), comparison.currentReplicates());
        }

        @Override
        public String toString() {
            return baseline + " vs " + current;
        }
    }

    /** The limit of a check's comparisons; empty when every fair comparison could fire. */
    public static Optional<Limit> of(List<MetricComparison> comparisons, RegressionDetector detector) {
        List<MetricComparison> fair = comparisons.stream()
                .filter(c -> c.baselineReplicates() > 0 && c.currentReplicates() > 0 && c.unfairBecause().isEmpty()
                        && c.undecided() != Undecided.NOT_COMPARABLE)
                .toList();
        if (fair.isEmpty()) {
            return Optional.empty();
        }
        int m = fair.stream().mapToInt(MetricComparison::comparisons).max().orElse(fair.size());
        // decided once per replicate size, not per comparison
        Map<Size, Boolean> blindBySize = new HashMap<>();
        List<MetricComparison> blind = fair.stream().filter(c -> blindBySize.computeIfAbsent(Size.of(c),
                size -> !detector.intervalPossible(size.baseline(), size.current())
                        || !detector.significanceReachable(size.baseline(), size.current(), m))).toList();
        if (blind.isEmpty()) {
            return Optional.empty();
        }
        // the size most of them share decides the wording
        Map<Size, Long> bySize = blind.stream().collect(Collectors.groupingBy(Size::of, LinkedHashMap::new,
                Collectors.counting()));
        Size size = bySize.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int n = size.baseline();
        int k = size.current();
        RegressionPolicy policy = detector.policy();
        String why;
        if (!detector.intervalPossible(n, k)) {
            why = size + " replicates give no interval of the change at "
                    + percent(policy.confidence()) + " confidence";
        } else {
            double best = RankSumTest.smallestP(n, k);
            long arrangements = Math.round(1 / best);
            double adjusted = policy.correction().bestAdjusted(best, m);
            why = size + " replicates reach at best p = "
                    + (policy.correction() == Correction.HOLM ? m + "/" + arrangements : "1/" + arrangements)
                    + " = " + String.format(Locale.ROOT, "%.2g", adjusted) + " after "
                    + policy.correction().displayName() + " over " + m + " comparisons, above "
                    + String.format(Locale.ROOT, "%.2g", policy.significance());
        }
        int needed = Math.max(detector.minimumBoundedReplicates(), detector.replicatesForSignificance(m));
        String message = "Regression detection cannot fire: " + blind.size() + " of " + fair.size()
                + " comparisons can never show a regression, since " + why + ". Fix: record " + needed
                + " replicates a side in baseline and run alike (" + fixes(blind, needed) + ")"
                + fewerComparisons(detector, n, k, m) + ".";
        return Optional.of(new Limit(blind, message));
    }

    private static String fixes(List<MetricComparison> blind, int needed) {
        boolean jmh = blind.stream().anyMatch(c -> c.metric() == RegressionMetric.SCORE_TIME
                || c.metric() == RegressionMetric.SCORE_RATE);
        boolean rounds = blind.stream().anyMatch(c -> c.metric() != RegressionMetric.SCORE_TIME
                && c.metric() != RegressionMetric.SCORE_RATE);
        StringBuilder text = new StringBuilder();
        if (rounds) {
            Optional<Profile> profile = Arrays.stream(Profile.values()).filter(p -> p.rounds() >= needed)
                    .min(Comparator.comparingInt(Profile::rounds));
            text.append(profile.map(p -> "JUnit rounds: -Dperfgate.profile=" + p.id() + " records " + p.rounds())
                    .orElse("JUnit rounds: no profile records " + needed + " (comprehensive: "
                            + Profile.COMPREHENSIVE.rounds() + "); rerun the build at the same commit to pool runs"));
        }
        if (jmh) {
            text.append(rounds ? "; " : "").append("JMH: -Dperfgate.jmh.forks=").append(needed);
        }
        return text.toString();
    }

    /** The other way out: fewer comparisons, when that alone would do. */
    private static String fewerComparisons(RegressionDetector detector, int n, int k, int m) {
        if (!detector.intervalPossible(n, k) || detector.policy().correction() != Correction.HOLM) {
            return "";
        }
        int most = (int) Math.floor(detector.policy().significance() / RankSumTest.smallestP(n, k) + 1e-9);
        return most >= 1 && most < m ? ", or compare at most " + most + " metrics (-Dperfgate.regression.metrics=p50,p95)"
                : "";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
