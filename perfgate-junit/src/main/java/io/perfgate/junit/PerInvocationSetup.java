package io.perfgate.junit;

import io.perfgate.core.measure.Invocable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's {@code @AfterEach} then {@code @BeforeEach} methods, run between two measured invocations for
 * {@link Setup#PER_INVOCATION}, in JUnit's order: {@code @BeforeEach} of enclosing ({@code @Nested}) instances
 * first and superclass methods before subclass ones; {@code @AfterEach} the other way round. JUnit itself runs them
 * before the first invocation and after the last. Extensions' before/after-each callbacks are not run again.
 */
final class PerInvocationSetup {

    private record Call(Method method, Object instance) {
    }

    private PerInvocationSetup() {
    }

    /** What runs between two invocations; null when the test has neither {@code @BeforeEach} nor {@code @AfterEach}. */
    static Invocable between(ExtensionContext context, String test) {
        List<Object> instances = context.getRequiredTestInstances().getAllInstances(); // outermost first
        List<Call> before = new ArrayList<>();
        List<Call> after = new ArrayList<>();
        for (Object instance : instances) {
            for (Method method : lifecycle(instance.getClass(), BeforeEach.class, HierarchyTraversalMode.TOP_DOWN, test)) {
                before.add(new Call(method, instance));
            }
        }
        for (int i = instances.size() - 1; i >= 0; i--) {
            Object instance = instances.get(i);
            for (Method method : lifecycle(instance.getClass(), AfterEach.class, HierarchyTraversalMode.BOTTOM_UP, test)) {
                after.add(new Call(method, instance));
            }
        }
        if (before.isEmpty() && after.isEmpty()) {
            return null;
        }
        List<Call> calls = new ArrayList<>(after);
        calls.addAll(before);
        Call[] sequence = calls.toArray(new Call[0]);
        return () -> {
            for (Call call : sequence) {
                ReflectionSupport.invokeMethod(call.method(), call.instance()); // rethrows what the method threw
            }
        };
    }

    private static List<Method> lifecycle(Class<?> type, Class<? extends Annotation> annotation,
                                          HierarchyTraversalMode order, String test) {
        List<Method> methods = AnnotationSupport.findAnnotatedMethods(type, annotation, order);
        for (Method method : methods) {
            if (method.getParameterCount() > 0) {
                throw new ExtensionConfigurationException("@PerfTest(setup = PER_INVOCATION) on " + test + " calls @"
                        + annotation.getSimpleName() + " " + method.getDeclaringClass().getSimpleName() + "#"
                        + method.getName() + " itself between invocations and cannot pass it parameters; take none"
                        + " there (keep what you need in fields), or use setup = PER_TEST");
            }
        }
        return methods;
    }
}
