package io.perfgate.core.gate;

import java.util.OptionalLong;

/**
 * How much data a bound needs before a verdict can be trusted: enough that ten events land beyond it.
 * A percentile needs ten samples beyond it (p95: 200, p99: 1,000); a rate bound needs enough trials that ten
 * failures would cross it (an error rate of 1 %: 1,000 invocations); a share that must stay high (pool efficiency
 * of 80 %) needs enough that ten misses would cross it (50). The one definition, used by the judges to call a
 * verdict INCONCLUSIVE and by the workload planner to size runs.
 */
public final class SampleRule {
    /** How many events beyond a bound make a verdict credible. */
    public static final int EVENTS_BEYOND = 10;

    private SampleRule() {
    }

    /** Samples a quantile needs: ten beyond it. */
    public static long forQuantile(double quantile) {
        return forShare(1 - quantile);
    }

    /**
     * Trials needed for ten events of the given share to happen.
     * (1e-9 absorbs the binary error of fractions such as 0.01, so 1 % asks for 1,000, not 1,001.)
     */
    public static long forShare(double share) {
        return share > 0 ? (long) Math.ceil(EVENTS_BEYOND / share - 1e-9) : 1;
    }

    /**
     * What a metric's bound needs, counted in the metric's own trials: samples for percentiles, invocations for
     * an error rate, transactions for a deadlock rate, connection requests for pool efficiency. Empty for
     * metrics judged on whatever was measured (max, mean, throughput, memory).
     */
    public static OptionalLong required(Metric metric, Bound bound) {
        if (metric.quantile().isPresent()) {
            return OptionalLong.of(forQuantile(metric.quantile().getAsDouble()));
        }
        return switch (metric) {
            case ERROR_RATE, DEADLOCK_RATE -> OptionalLong.of(forShare(bound.threshold()));
            case POOL_EFFICIENCY -> OptionalLong.of(bound.threshold() < 1 ? forShare(1 - bound.threshold()) : 1);
            default -> OptionalLong.empty();
        };
    }
}
