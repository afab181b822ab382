package io.perfgate.core.recommend;

import io.perfgate.core.check.TestOutcome;

import java.util.Optional;

/**
 * A rule that fires only on its own evidence in one test's result: it reads the figures it needs from
 * {@code test.result()} (the {@link Recommender} calls it only for a measured result) and returns nothing when
 * they are absent or within its threshold.
 */
public interface RecommendationRule {

    /** A stable id, written into recommendations.json: {@code gc-share}. */
    String id();

    /** The recommendation for this test, with rank 0 (the {@link Recommender} ranks); empty when the rule does not fire. */
    Optional<Recommendation> apply(TestOutcome test);

    /** A recommendation of this rule with its evidence, for rule implementations. */
    default Optional<Recommendation> fire(TestOutcome test, String title, Evidence evidence, double value,
                                          double threshold, String advice) {
        double excess = threshold > 0 ? Math.max(1, value / threshold) : 1;
        return Optional.of(new Recommendation(0, id(), test.label(), title, evidence,
                test.gates().stream().anyMatch(gate -> gate.violated()), excess, advice));
    }
}
