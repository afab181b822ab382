package io.perfgate.core.gate;

/** How a gate's violation is enforced. */
public enum Level {
    /** A FAIL (or an INCONCLUSIVE not explicitly allowed) fails the build. */
    BLOCKING,
    /** Violations are logged as warnings and reported; the build passes. */
    WARNING,
    /** Violations are reported for information only. */
    ADVISORY
}
