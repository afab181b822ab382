package io.perfgate.core.trend;

import java.time.Instant;

/**
 * One run in a metric's history.
 *
 * @param value      the run's figure: the median of its replicate values
 * @param replicates the replicate values themselves
 */
public record TrendPoint(Instant at, String commit, double value, double[] replicates) {

    public TrendPoint {
        replicates = replicates == null ? new double[0] : replicates.clone();
    }
}
