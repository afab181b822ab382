package io.perfgate.core.load;

/**
 * A load run that could not take place: the service is unreachable, or the run broke off.
 * Never a pass: callers turn it into a failed result or a build error.
 */
public class LoadRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
