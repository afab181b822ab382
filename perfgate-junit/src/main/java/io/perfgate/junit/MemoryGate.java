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
 *   <li>{@code gcTime}: the total of those pauses, e.g. {@code "200ms"}.</li>
 * </ul>
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

    Level level() default Level.BLOCKING;

    boolean allowInconclusive() default false;
}
