package io.perfgate.core.baseline;

import io.perfgate.core.result.ResultFileException;

import java.nio.file.Path;

/** A baseline or history file that cannot be used; the message names the file and what to do. */
public class BaselineFileException extends ResultFileException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    public BaselineFileException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
        this.problem = problem;
    }

    /** The message without the file name. */
    public String problem() {
        return problem;
    }
}
