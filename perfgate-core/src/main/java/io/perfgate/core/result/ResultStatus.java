package io.perfgate.core.result;

/** Where a test's recording stands. */
public enum ResultStatus {
    /** Written before measuring: the gates are known, nothing is measured yet. Left alone, it means the run broke off. */
    DECLARED,
    /** Measured; the measurement is present. */
    COMPLETED,
    /** Did not run on purpose (disabled, assumption aborted); the reason says why. */
    SKIPPED
}
