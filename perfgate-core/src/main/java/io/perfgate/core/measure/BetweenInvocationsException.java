package io.perfgate.core.measure;

/** What the setup run between measured invocations threw; it ends the run, and the test fails with the cause. */
public final class BetweenInvocationsException extends RuntimeException {
    public BetweenInvocationsException(Throwable cause) {
        super("the setup between invocations threw: " + cause, cause);
    }
}
