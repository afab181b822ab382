package io.perfgate.core.jmh;

/** A JMH run that cannot be turned into results: a malformed result file, a run that broke off. The message says where. */
public class JmhResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JmhResultException(String message) {
        super(message);
    }

    public JmhResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
