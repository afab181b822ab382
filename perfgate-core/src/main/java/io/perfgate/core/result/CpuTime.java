package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * CPU time the measuring threads spent, beside the wall time a measurement records.
 *
 * @param totalNanos         thread CPU time of every measured round, all measuring threads together: the rounds
 *                           discarded for waiting for a CPU too, since a thread that waits uses no CPU time
 * @param invocations        the invocations that time covers
 * @param perInvocationHistogram each successful invocation's thread CPU time, an encoded HdrHistogram; recorded only
 *                           when a gate bounds a CPU percentile (reading a thread's CPU time costs about 1.5 us here,
 *                           fifty times a {@code nanoTime()}); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CpuTime(long totalNanos, long invocations, String perInvocationHistogram) {

    /** CPU time per invocation; NaN when no invocation was measured. */
    public double perInvocation() {
        return invocations <= 0 ? Double.NaN : (double) totalNanos / invocations;
    }
}
