package io.perfgate.core.load;

/**
 * A load scenario that cannot run as written: a bad field, an impossible plan, an unsafe target.
 * The message names the field (and the file, when there is one) and what would be valid.
 */
public class LoadConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadConfigurationException(String message) {
        super(message);
    }

    public LoadConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
