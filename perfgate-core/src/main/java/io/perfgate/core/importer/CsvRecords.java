package io.perfgate.core.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: fields in double quotes may hold the delimiter, quotes doubled, and line breaks),
 * tracking the line each record starts on for messages.
 */
final class CsvRecords {
    private final Reader reader;
    private final Path file;
    private final char delimiter;
    private long line = 1;
    private long recordLine;
    private int pushedBack = -2;

    CsvRecords(Reader reader, Path file, char delimiter) {
        this.reader = reader;
        this.file = file;
        this.delimiter = delimiter;
    }

    /** The line the last record returned started on. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the file. A blank line is an empty list. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw ImportException.at(file, recordLine, "a quoted field is not closed before the end of the"
                            + " file (the file is truncated)");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        pushedBack = after;
                    }
                }
                if (c != -1) {
                    line++;
                }
                if (!fields.isEmpty() || !field.isEmpty() || wasQuoted) {
                    fields.add(field.toString());
                }
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return reader.read();
    }
}
