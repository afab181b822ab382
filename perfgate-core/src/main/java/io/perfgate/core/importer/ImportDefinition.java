package io.perfgate.core.importer;

import io.perfgate.core.result.GateDeclaration;

import java.util.List;

/**
 * One import as declared: the files that make one result (merged), and the gates on it.
 *
 * @param source    the import file's name, which names the result: {@code import.yaml#checkout}
 * @param name      names the result; unique in the import file
 * @param files     paths or globs ({@code target/jmeter/results/*.csv}), relative to the project directory
 * @param format    the files' format, or null to detect it from each file's content
 * @param unitNanos for HdrHistogram logs, which keep no unit: nanoseconds per recorded unit
 */
public record ImportDefinition(String source, String name, List<String> files, ImportFormat format, long unitNanos,
                               List<GateDeclaration> gates) {
    public ImportDefinition {
        files = List.copyOf(files);
        gates = List.copyOf(gates);
    }

    /** The result's stable id, from which its file name derives. */
    public String id() {
        return "import:" + source + ":" + name;
    }
}
