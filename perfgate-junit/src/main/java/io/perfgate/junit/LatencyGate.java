package io.perfgate.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds the latency of each successful invocation of the test body. Each attribute is a bound: a threshold
 * ({@code p95 = "200ms"}: FAIL above it) or target..threshold ({@code p95 = "150ms..200ms"}: WARN above
 * 150 ms, FAIL above 200 ms). An empty attribute is not gated; set at least one.
 *
 * <p>Percentiles need ten samples beyond them to be judged (p95: 200, p99: 1,000); without {@link PerfTest}
 * the test runs until it has them. On a method or a class (then it applies to every test in it, in
 * subclasses and in {@code @Nested} classes); the nearest declaration wins. Tagged {@code perf}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(PerfGateExtension.class)
@Tag("perf")
public @interface LatencyGate {
    /** Median. */
    String p50() default "";

    String p90() default "";

    String p95() default "";

    String p99() default "";

    /** The slowest invocation measured. */
    String max() default "";

    String mean() default "";

    /**
     * Thread CPU time per invocation, averaged: the code's own cost, which a busy machine does not inflate the way
     * it inflates wall time. Measured per round on every run, so it costs nothing per invocation.
     */
    String cpuMean() default "";

    /**
     * Median thread CPU time of an invocation. CPU percentiles time each invocation's CPU time, which costs about
     * 1.5 us per invocation on a Linux VM (see docs/contention.md): gate {@link #cpuMean()} for very short bodies.
     */
    String cpuP50() default "";

    String cpuP95() default "";

    String cpuP99() default "";

    Level level() default Level.BLOCKING;

    /** Accept an INCONCLUSIVE verdict (too few samples) instead of failing a BLOCKING gate. */
    boolean allowInconclusive() default false;

    /**
     * JMH benchmarks only: the {@code @Param} values this gate applies to, such as {@code "size=10000"},
     * {@code "size=1000|10000"} or {@code "size=10000, codec=json"}; every parameter set when empty. A gate
     * with params wins over one without for the runs it selects (see docs/jmh.md).
     */
    String params() default "";
}
