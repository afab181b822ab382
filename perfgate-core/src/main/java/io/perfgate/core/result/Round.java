package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One replicate of a measurement: a JUnit test's measurement is split into rounds separated by a GC,
 * a load run into time slices, a JMH run into forks. Regression detection compares rounds, not samples,
 * because samples inside one round are not independent.
 *
 * @param latencyHistogram the round's successful-invocation latency, an encoded HdrHistogram; null when not timed
 * @param score            a single figure for rounds without a histogram (a JMH fork's score), else null
 * @param cpuNanos         thread CPU time the measuring threads spent in the round; null when not measured
 * @param cpuWaitShare     the share of the round's wall time the measuring threads were runnable but waiting for a
 *                         CPU (see {@link Contention}); null when not measured
 * @param jvm              which JVM measured the round (0 the test JVM, 1.. its forks) when a test was measured
 *                         in several JVMs; null when one JVM measured them all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Round(long invocations, long errors, long durationNanos, String latencyHistogram, Double score,
                    Long cpuNanos, Double cpuWaitShare, Integer jvm) {

    /** A round without CPU figures (load slices, JMH forks, imports). */
    public Round(long invocations, long errors, long durationNanos, String latencyHistogram, Double score) {
        this(invocations, errors, durationNanos, latencyHistogram, score, null, null, null);
    }

    /** A round of one JVM with CPU figures. */
    public Round(long invocations, long errors, long durationNanos, String latencyHistogram, Double score,
                 Long cpuNanos, Double cpuWaitShare) {
        this(invocations, errors, durationNanos, latencyHistogram, score, cpuNanos, cpuWaitShare, null);
    }

    /** The same round, marked as measured by JVM {@code index}. */
    public Round inJvm(int index) {
        return new Round(invocations, errors, durationNanos, latencyHistogram, score, cpuNanos, cpuWaitShare, index);
    }

    /** The JVM that measured it; 0 when unmarked. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public int jvmIndex() {
        return jvm == null ? 0 : jvm;
    }

    /** Thread CPU time per invocation in this round; null when not measured or nothing ran. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Double cpuPerInvocation() {
        return cpuNanos == null || invocations <= 0 ? null : (double) cpuNanos / invocations;
    }
}
