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
 * Bounds memory use while the body is measured. Declaring it turns on memory measurement for the test:
 * <ul>
 *   <li>{@code heapAfterGc}: heap in use after a full GC once measuring is over (JVM-wide: what the test and
 *       everything else in the JVM keep alive), e.g. {@code "64MB"};</li>
 *   <li>{@code allocationPerInvocation}: bytes the measuring threads allocated, per invocation, e.g. {@code "1KB"};</li>
 *   <li>{@code gcPause}: the longest stop-the-world GC pause during measuring, e.g. {@code "50ms"}
 *       (concurrent collectors' cycles are not pauses and do not count; millisecond resolution);</li>
 *   <li>{@code gcTime}: the total of those pauses, e.g. {@code "200ms"};</li>
 *   <li>{@code leakPerInvocation}: how much heap each invocation leaves behind, e.g. {@code "64B"};</li>
 *   <li>{@code leakPerHour}: the same per hour of running the body, e.g. {@code "10MB/h"} (also {@code KB/min},
 *       {@code B/s}).</li>
 * </ul>
 * A leak bound adds a leak-detection phase after the measured rounds (within the test's time cap): the body
 * runs on one thread in about 20 batches, each followed by a forced full collection and a reading of the
 * heap in use after it. The slope of those readings against invocations (and against the body's running
 * time, for {@code leakPerHour}) is fitted with the Theil–Sen estimator, with a 95 % confidence interval.
 * The gate fails only when the whole interval lies above the threshold (warns when above the target): a
 * slope that could be noise is not a leak. The failure message states the slope, its interval and how far
 * the heap grew; the HTML report charts the samples. Allow a few bytes per invocation for what the JVM
 * itself keeps (interned strings, lazily loaded classes): {@code "64B"} rather than {@code "0B"}.
 * Heap and GC are JVM-wide: do not run memory-gated tests in parallel with other tests. Each attribute is a
 * bound in the usual syntax; an empty one is not gated. Placement and precedence as for {@link LatencyGate}.
 * Tagged {@code perf}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(PerfGateExtension.class)
@Tag("perf")
public @interface MemoryGate {
    String heapAfterGc() default "";

    String allocationPerInvocation() default "";

    String gcPause() default "";

    String gcTime() default "";

    /** Heap retained per invocation, judged on the lower end of its 95 % interval. */
    String leakPerInvocation() default "";

    /** Heap retained per hour of running the body, judged on the lower end of its 95 % interval. */
    String leakPerHour() default "";

    Level level() default Level.BLOCKING;

    boolean allowInconclusive() default false;

    /**
     * JMH benchmarks only: the {@code @Param} values this gate applies to, such as {@code "size=10000"},
     * {@code "size=1000|10000"} or {@code "size=10000, codec=json"}; every parameter set when empty. A gate
     * with params wins over one without for the runs it selects (see docs/jmh.md).
     */
    String params() default "";
}
