package io.perfgate.core.jmh.gates;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** An annotation in the same package that is not a gate. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Unrelated {
    String value() default "x";
}
