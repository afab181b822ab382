package io.perfgate.core.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of JMH's {@code META-INF/BenchmarkList}, as far as perfgate reads it: the benchmark's class, the
 * class JMH generated for it, and its method (or group) name. JMH writes each line as {@code JMH} and then
 * fields, a string field being {@code S <length> <characters>}; the first three fields are these strings.
 *
 * @param userClass      the benchmark's class as JMH names it, {@code com.acme.Outer.Inner}
 * @param generatedClass the class JMH's processor generated, {@code com.acme.jmh_generated.Outer_Inner_m_jmhTest}
 * @param method         the method, or the group of a {@code @Group} benchmark
 */
public record BenchmarkListEntry(String userClass, String generatedClass, String method) {

    /** JMH's name of the benchmark, {@code com.acme.ParserBench.parse}. */
    public String name() {
        return userClass + "." + method;
    }

    /**
     * Reads a benchmark list.
     *
     * @throws JmhResultException naming the file and line when a line is not in JMH's format
     */
    public static List<BenchmarkListEntry> read(Path file) throws IOException {
        List<BenchmarkListEntry> entries = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            entries.add(parse(line, file + " line " + number));
        }
        return entries;
    }

    static BenchmarkListEntry parse(String line, String where) {
        if (!line.startsWith("JMH ")) {
            throw new JmhResultException(where + " is not a line of JMH's benchmark list: " + line);
        }
        String[] strings = new String[3];
        int position = 4;
        for (int field = 0; field < strings.length; field++) {
            if (!line.startsWith("S ", position)) {
                throw new JmhResultException(where + ": expected a string field at column " + position + ": " + line);
            }
            int space = line.indexOf(' ', position + 2);
            int length;
            try {
                length = Integer.parseInt(line.substring(position + 2, space));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new JmhResultException(where + ": no string length at column " + position + ": " + line);
            }
            if (length < 0 || space + 1 + length > line.length()) {
                throw new JmhResultException(where + ": a string runs past the end of the line: " + line);
            }
            strings[field] = line.substring(space + 1, space + 1 + length);
            position = space + 1 + length + 1;
        }
        return new BenchmarkListEntry(strings[0], strings[1], strings[2]);
    }
}
