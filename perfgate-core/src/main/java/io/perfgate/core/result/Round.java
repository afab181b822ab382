package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One replicate of a measurement: a JUnit test's measurement is split into rounds separated by a GC,
 * a load run into time slices, a JMH run into forks. Regression detection compares rounds, not samples,
 * because samples inside one round are not independent.
 *
 * @param latencyHistogram the round's successful-invocation latency, an encoded HdrHistogram; null when not timed
 * @param score            a single figure for rounds without a histogram (a JMH fork's score), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Round(long invocations, long errors, long durationNanos, String latencyHistogram, Double score) {
}
