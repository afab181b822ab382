package io.perfgate.core.recommend;

/**
 * One optimisation suggested by the evidence of one test.
 *
 * @param rank      1 for the most pressing, in the order {@link Recommender} ranks them
 * @param rule      the rule's id ({@code n-plus-one})
 * @param test      the test whose result holds the evidence
 * @param violated  whether the test has a gate violation: those come first
 * @param excess    how far the value is beyond the threshold (value / threshold, at least 1): the ranking's key
 * @param advice    what to do about it
 */
public record Recommendation(int rank, String rule, String test, String title, Evidence evidence, boolean violated,
                             double excess, String advice) {

    /** The same recommendation at another rank. */
    public Recommendation ranked(int newRank) {
        return new Recommendation(newRank, rule, test, title, evidence, violated, excess, advice);
    }
}
