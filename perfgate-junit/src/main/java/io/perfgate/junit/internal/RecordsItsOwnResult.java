package io.perfgate.junit.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test-method parameter type that measures and records the test itself, as perfgate-junit-load's
 * {@code LoadRunner} does: a test taking one runs once, and the gate extension neither measures it nor records it
 * again. Lets the extension know such tests without depending on the module that has them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RecordsItsOwnResult {
}
