package io.perfgate.junit;

/**
 * How a gate's violation is enforced. Mirrors {@code io.perfgate.core.gate.Level} so tests need only
 * {@code io.perfgate.junit} imports.
 */
public enum Level {
    /** A FAIL, or an INCONCLUSIVE not explicitly allowed, fails the build (and the test, in an IDE run). */
    BLOCKING,
    /** A violation is printed as a warning and reported; the build passes. */
    WARNING,
    /** A violation is reported for information only. */
    ADVISORY
}
