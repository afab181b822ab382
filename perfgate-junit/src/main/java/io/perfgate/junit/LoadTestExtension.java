package io.perfgate.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Method;
import java.util.Arrays;

/** Gives a {@link LoadTest} its {@link LoadRunner}. Registered by {@code @LoadTest}; not for direct use. */
final class LoadTestExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LoadRunner.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return new LoadRunner(extensionContext);
    }

    /** A load test runs its method once; the gate extension must not repeat it to measure it. */
    static boolean isLoadTest(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(type -> type == LoadRunner.class);
    }
}
