package io.perfgate.junit;

import io.perfgate.core.measure.Invocable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the extension calls a test method: directly through a generated class, with JUnit's instance and arguments. */
class BodyTest {

    private static final class Target {
        int sum;
        final IOException failure = new IOException("disk full");

        @SuppressWarnings("unused")
        private void add(int amount, String text) {
            sum += amount + text.length();
        }

        @SuppressWarnings("unused")
        private int fail() throws IOException {
            throw failure;
        }
    }

    private static ReflectiveInvocationContext<Method> context(Object target, String name, Object... arguments) {
        Method method = java.util.Arrays.stream(target.getClass().getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(name)).findFirst().orElseThrow();
        return new ReflectiveInvocationContext<>() {
            @Override
            public Class<?> getTargetClass() {
                return target.getClass();
            }

            @Override
            public Method getExecutable() {
                return method;
            }

            @Override
            public List<Object> getArguments() {
                return List.of(arguments);
            }

            @Override
            public Optional<Object> getTarget() {
                return Optional.of(target);
            }
        };
    }

    @Test
    void callsAPrivateMethodWithItsArgumentsThroughAGeneratedClass() throws Throwable {
        Target target = new Target();
        Invocable body = PerfGateExtension.body(context(target, "add", 5, "abc"));
        body.invoke();
        body.invoke();
        assertEquals(16, target.sum);
        assertTrue(body.getClass().getName().startsWith(Target.class.getName() + "$$Lambda"),
                "a class generated beside the test class, not reflection: " + body.getClass().getName());
    }

    @Test
    void whatTheMethodThrowsIsWhatTheBodyThrows() {
        Target target = new Target();
        Invocable body = PerfGateExtension.body(context(target, "fail"));
        assertSame(target.failure, assertThrows(IOException.class, body::invoke));
    }
}
