package io.perfgate.core.gate;

/** A gate declaration that cannot be used; the message names the source and the bad value. */
public class InvalidGateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidGateException(String message) {
        super(message);
    }
}
