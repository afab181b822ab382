package io.perfgate.core.result;

import java.nio.file.Path;

/** A result or baseline file that cannot be read or written; the message names the file. */
public class ResultFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ResultFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
