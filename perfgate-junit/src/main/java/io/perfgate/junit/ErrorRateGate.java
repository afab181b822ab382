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
 * Bounds the share of invocations whose body threw: {@code max = "1%"}. Without this gate no thrown exception
 * is allowed. A rate below the bound is credible only with ten errors' worth of invocations (1 % needs
 * 1,000), so without {@link PerfTest} the test runs until it has them. Placement and precedence as for
 * {@link LatencyGate}. Tagged {@code perf}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(PerfGateExtension.class)
@Tag("perf")
public @interface ErrorRateGate {
    /** The highest share of failed invocations, such as {@code "1%"} or {@code "0.5%..1%"}. */
    String max();

    Level level() default Level.BLOCKING;

    boolean allowInconclusive() default false;
}
