package io.perfgate.core.compare;

/** Compare cannot go on: the base cannot be checked out or built, or git is missing. The message says why and what to do. */
public class CompareException extends RuntimeException {
    public CompareException(String message) {
        super(message);
    }

    public CompareException(String message, Throwable cause) {
        super(message, cause);
    }
}
