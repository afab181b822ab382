package io.perfgate.core.importer;

import java.nio.file.Path;

/**
 * A result file that cannot be imported: missing, empty, of an unknown format, malformed or truncated. The
 * message names the file, and the line where there is one; the import records it so {@code check} fails.
 */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }

    static ImportException at(Path file, long line, String problem) {
        return at(file, line, problem, null);
    }

    static ImportException at(Path file, long line, String problem, Throwable cause) {
        return new ImportException(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    }
}
