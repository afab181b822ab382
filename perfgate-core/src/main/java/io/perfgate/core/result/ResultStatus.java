package io.perfgate.core.result;

/** Where a test's recording stands. */
public enum ResultStatus {
    /**
     * Written before measuring: the gates (as written) are known, nothing is measured yet. Left alone, it means the
     * run broke off; with a reason, the recorder knows why nothing was measured. Either way {@code check} fails it.
     */
    DECLARED,
    /** Measured; the measurement is present. */
    COMPLETED,
    /** Did not run on purpose (disabled, assumption aborted); the reason says why. */
    SKIPPED
}
