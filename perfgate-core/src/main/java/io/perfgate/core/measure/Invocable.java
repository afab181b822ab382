package io.perfgate.core.measure;

/** The body being measured: one call is one invocation. Anything it throws counts as an error. */
@FunctionalInterface
public interface Invocable {
    void invoke() throws Throwable;
}
