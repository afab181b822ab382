package io.perfgate.core.jmh.gates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stands in for the public annotation of the same name, which lives in perfgate-junit. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Inherited
public @interface LatencyGate {
    String p50() default "";

    String p99() default "";

    String mean() default "";

    Severity level() default Severity.BLOCKING;

    boolean allowInconclusive() default false;

    /** The @Param values the gate applies to. */
    String params() default "";

    /** The user's enum, not core's: read by name. */
    enum Severity { BLOCKING, WARNING, ADVISORY }
}
