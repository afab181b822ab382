package io.perfgate.core.recommend;

import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.DatabaseMeasurement;

import java.util.Optional;

/**
 * A connection pool that often makes callers wait: more getConnection calls than the share below took over 1 ms
 * (the specification's pool efficiency threshold of 80%). Evidence from {@code @DatabaseGate}'s recording.
 */
public final class PoolWaitRule implements RecommendationRule {
    /** Share of getConnection calls that may wait longer than 1 ms. */
    public static final double WAITING_SHARE = 0.20;
    /** Fewer requests than this say nothing about a pool. */
    public static final long MIN_REQUESTS = 20;

    @Override
    public String id() {
        return "pool-wait";
    }

    @Override
    public Optional<Recommendation> apply(TestOutcome test) {
        DatabaseMeasurement database = test.result().measurement().database();
        if (database == null || database.connectionRequests() < MIN_REQUESTS) {
            return Optional.empty();
        }
        long waited = database.connectionRequests() - database.connectionsWithin1ms();
        double share = (double) waited / database.connectionRequests();
        if (share <= WAITING_SHARE) {
            return Optional.empty();
        }
        return fire(test, "The connection pool often makes callers wait",
                new Evidence("getConnection calls waiting over 1 ms", QuantityKind.PERCENT.format(share),
                        QuantityKind.PERCENT.format(WAITING_SHARE), QuantityKind.grouped(waited) + " of "
                                + QuantityKind.grouped(database.connectionRequests()) + " calls"),
                share, WAITING_SHARE,
                "size the pool for the test's concurrency (maximumPoolSize at least the number of threads that hold"
                        + " a connection at once), and hold connections for less time (no remote calls inside a"
                        + " transaction)");
    }
}
