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
 * Bounds the successful invocations per second over the measuring time (all threads together):
 * {@code min = "1000/s"} fails below 1000/s; {@code min = "1200/s..1000/s"} warns below 1200/s and fails
 * below 1000/s. Placement and precedence as for {@link LatencyGate}. Tagged {@code perf}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(PerfGateExtension.class)
@Tag("perf")
public @interface ThroughputGate {
    /** The minimum rate, such as {@code "1000/s"} or {@code "60/min"}. */
    String min();

    Level level() default Level.BLOCKING;

    boolean allowInconclusive() default false;

    /**
     * JMH benchmarks only: the {@code @Param} values this gate applies to, such as {@code "size=10000"},
     * {@code "size=1000|10000"} or {@code "size=10000, codec=json"}; every parameter set when empty. A gate
     * with params wins over one without for the runs it selects (see docs/jmh.md).
     */
    String params() default "";
}
