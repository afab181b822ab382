package io.perfgate.core.recommend;

import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.DatabaseMeasurement;

import java.util.Comparator;
import java.util.Optional;

/**
 * N+1 statements: one invocation ran the same normalized statement many times, the signature of loading a
 * collection row by row (a lazy association, a query in a loop). Evidence from {@code @DatabaseGate}'s recording.
 */
public final class NPlusOneRule implements RecommendationRule {
    /** One statement this many times in one invocation is a loop, not a coincidence. */
    public static final long REPEATS = 5;

    @Override
    public String id() {
        return "n-plus-one";
    }

    @Override
    public Optional<Recommendation> apply(TestOutcome test) {
        DatabaseMeasurement database = test.result().measurement().database();
        if (database == null) {
            return Optional.empty();
        }
        return database.worstInvocation().stream()
                .max(Comparator.comparingLong(DatabaseMeasurement.StatementCount::count))
                .filter(repeated -> repeated.count() >= REPEATS)
                .flatMap(repeated -> fire(test, "N+1 statements: one statement repeated within an invocation",
                        new Evidence("repeats of one statement in one invocation",
                                QuantityKind.grouped(repeated.count()), QuantityKind.grouped(REPEATS - 1),
                                repeated.sql() + "; the worst invocation ran "
                                        + QuantityKind.grouped(database.maxStatementsPerInvocation()) + " statements"),
                        repeated.count(), REPEATS - 1,
                        "fetch the rows in one statement (a join, WHERE id IN (...), or a JPA fetch join /"
                                + " @EntityGraph / batch fetching) instead of one per row"));
    }
}
