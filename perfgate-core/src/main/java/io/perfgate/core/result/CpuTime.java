package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * CPU time the measuring threads spent, beside the wall time a measurement records.
 *
 * @param totalNanos         thread CPU time of the kept rounds, all measuring threads together
 * @param perInvocationHistogram each successful invocation's thread CPU time, an encoded HdrHistogram; recorded only
 *                           when a gate bounds a CPU percentile (reading a thread's CPU time costs about 1.5 us here,
 *                           fifty times a {@code nanoTime()}); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CpuTime(long totalNanos, String perInvocationHistogram) {
}
