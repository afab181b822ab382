package io.perfgate.core.waiver;

/** A waivers file that cannot be used: the message names the file, the line and the fix. */
public class WaiverFileException extends RuntimeException {
    public WaiverFileException(String message) {
        super(message);
    }

    public WaiverFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
