package io.perfgate.core.measure;

/**
 * The body's very first invocation threw what the caller counts as an abort (a failed assumption): the
 * work is skipped, not measured. The cause is what the body threw.
 */
public class MeasurementAbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MeasurementAbortedException(Throwable cause) {
        super("the first invocation aborted: " + cause, cause);
    }
}
