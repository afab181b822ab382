package io.perfgate.core.recommend;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.TestOutcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs every rule on every test and ranks what fired: tests with a gate violation first, then by how far the
 * evidence is beyond its threshold. A clean test gives nothing.
 */
public final class Recommender {
    private final List<RecommendationRule> rules;

    public Recommender(List<RecommendationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules whose evidence results carry today. */
    public static Recommender defaults() {
        return new Recommender(List.of(new NPlusOneRule(), new GcShareRule(), new LeakSlopeRule(),
                new PoolWaitRule(), new AllocationHotSpotRule(), new LockContentionRule()));
    }

    public List<Recommendation> recommend(CheckReport report) {
        List<Recommendation> found = new ArrayList<>();
        for (TestOutcome test : report.tests()) {
            if (test.result().measurement() == null) {
                continue; // nothing measured: no evidence for any rule
            }
            for (RecommendationRule rule : rules) {
                rule.apply(test).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(Recommendation::violated).reversed()
                .thenComparing(Comparator.comparingDouble(Recommendation::excess).reversed())
                .thenComparing(Recommendation::rule)
                .thenComparing(Recommendation::test));
        return IntStream.range(0, found.size()).mapToObj(i -> found.get(i).ranked(i + 1)).toList();
    }
}
