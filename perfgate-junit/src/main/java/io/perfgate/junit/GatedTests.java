package io.perfgate.junit;

import io.perfgate.junit.internal.Declarations;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells gated tests apart before they run, from the test's class and method alone: a test is gated when a gate
 * annotation or {@code @PerfTest} is present (directly or through a composed annotation) where
 * {@link Declarations} looks for it: the method, its class with superclasses and interfaces, or a class enclosing
 * a {@code @Nested} one. Exactly these tests record a result, so exactly these can be demanded from a plan.
 */
final class GatedTests {

    private static final List<Class<? extends Annotation>> MARKERS;

    static {
        List<Class<? extends Annotation>> markers = new ArrayList<>(Declarations.GATES);
        markers.add(PerfTest.class);
        MARKERS = List.copyOf(markers);
    }

    private GatedTests() {
    }

    static boolean isGated(Class<?> testClass, Method method) {
        if (marked(method)) {
            return true;
        }
        // @Nested classes are inner (non-static) classes; JUnit nests their contexts in the enclosing class's
        for (Class<?> current = testClass; current != null;
             current = current.isMemberClass() && !Modifier.isStatic(current.getModifiers()) ? current.getEnclosingClass() : null) {
            if (marked(current)) {
                return true;
            }
        }
        return false;
    }

    /** Present directly, meta-present, or (on classes) inherited from a superclass or an interface. */
    private static boolean marked(AnnotatedElement element) {
        for (Class<? extends Annotation> marker : MARKERS) {
            if (AnnotationSupport.isAnnotated(element, marker)) {
                return true;
            }
        }
        return false;
    }
}
