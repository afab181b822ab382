package io.perfgate.core.load;

/** Why a request failed; failed requests are counted per kind and kept out of success latency. */
public enum ErrorKind {
    /** The status was not one the step expects. */
    STATUS("status"),
    /** No complete answer within the response timeout (or no free connection within it). */
    TIMEOUT("timeout"),
    /** The connection could not be opened, or broke. */
    CONNECTION("connection"),
    /** The answer had the right status but the wrong content type, or lacked an expected JSON property. */
    EXPECTATION("expectation");

    private final String key;

    ErrorKind(String key) {
        this.key = key;
    }

    /** The name used in result files and messages. */
    public String key() {
        return key;
    }
}
