package io.perfgate.core.gate;

/** Which way a metric gets worse. */
public enum Direction {
    /** Latency, error rate, memory: a larger value is worse; bounds are maximums. */
    LOWER_IS_BETTER,
    /** Throughput: a smaller value is worse; bounds are minimums. */
    HIGHER_IS_BETTER
}
