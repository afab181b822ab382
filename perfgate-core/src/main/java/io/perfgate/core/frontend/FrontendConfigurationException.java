package io.perfgate.core.frontend;

/** Front-end configuration or tooling that cannot work as given; the message names what is wrong and the fix. */
public class FrontendConfigurationException extends RuntimeException {
    public FrontendConfigurationException(String message) {
        super(message);
    }

    public FrontendConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
