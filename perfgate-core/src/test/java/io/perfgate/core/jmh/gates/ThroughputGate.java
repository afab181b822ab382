package io.perfgate.core.jmh.gates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stands in for the public annotation of the same name. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Inherited
public @interface ThroughputGate {
    String min();

    LatencyGate.Severity level() default LatencyGate.Severity.BLOCKING;
}
