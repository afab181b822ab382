package io.perfgate.core.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.result.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What one module of a multi-module build left for the aggregate report: the summary its {@code check}
 * wrote ({@code target/perfgate/summary.json} and {@code summary.md}), or why there is none.
 *
 * @param name      the module's name, as the reactor lists it
 * @param link      the module's {@code index.html} relative to the aggregate report, with {@code /}
 * @param state     whether it was checked
 * @param summary   the module's {@code summary.json}; null unless CHECKED
 * @param markdown  the module's {@code summary.md}; empty when absent
 * @param problem   for UNREADABLE and UNCHECKED: what is wrong and what to do
 */
public record ModuleReport(String name, String link, State state, JsonNode summary, String markdown, String problem) {

    /** How far a module got. */
    public enum State {
        /** {@code check} judged its results. */
        CHECKED,
        /** Results were recorded but {@code check} left no summary (not bound, or the build stopped first). */
        UNCHECKED,
        /** The summary exists but cannot be read. */
        UNREADABLE,
        /** No gated test ran in it. */
        NO_PERF_TESTS
    }

    /**
     * Reads a module's perfgate directory ({@code target/perfgate}).
     *
     * @param link the module's {@code index.html} relative to the aggregate report
     */
    public static ModuleReport read(String name, String link, Path perfgateDirectory) {
        Path json = perfgateDirectory.resolve("summary.json");
        Path markdown = perfgateDirectory.resolve("summary.md");
        if (Files.isRegularFile(json)) {
            try {
                JsonNode summary = Json.mapper().readTree(json.toFile());
                if (summary == null || !summary.isObject() || !summary.has("counts")) {
                    return new ModuleReport(name, link, State.UNREADABLE, null, "", json
                            + " is not a perfgate summary; run mvn verify again");
                }
                String text = Files.isRegularFile(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
                return new ModuleReport(name, link, State.CHECKED, summary, text, null);
            } catch (IOException e) {
                return new ModuleReport(name, link, State.UNREADABLE, null, "", "cannot read " + json + ": "
                        + e.getMessage() + "; run mvn verify again");
            }
        }
        if (hasResults(perfgateDirectory.resolve("results"))) {
            return new ModuleReport(name, link, State.UNCHECKED, null, "", "results in "
                    + perfgateDirectory.resolve("results") + " but no summary: bind perfgate:check in this module"
                    + " (or the build stopped before it)");
        }
        return new ModuleReport(name, link, State.NO_PERF_TESTS, null, "", null);
    }

    private static boolean hasResults(Path results) {
        if (!Files.isDirectory(results)) {
            return false;
        }
        try (Stream<Path> files = Files.list(results)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".json"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The module's status: PASSED, FAILED, SKIPPED from its summary, else the state in words. */
    public String status() {
        return switch (state) {
            case CHECKED -> summary.path("status").asText("UNKNOWN");
            case UNCHECKED -> "NOT CHECKED";
            case UNREADABLE -> "UNREADABLE";
            case NO_PERF_TESTS -> "no perf tests";
        };
    }

    /** A count from the summary's {@code counts}; 0 when not checked. */
    public int count(String name) {
        return summary == null ? 0 : summary.path("counts").path(name).asInt(0);
    }

    /** Comparisons with the baseline that had this outcome (REGRESSED, INCONCLUSIVE...). */
    public int comparisons(String outcome) {
        if (summary == null) {
            return 0;
        }
        int count = 0;
        for (JsonNode comparison : summary.path("baseline").path("comparisons")) {
            if (outcome.equals(comparison.path("outcome").asText())) {
                count++;
            }
        }
        return count;
    }

    public boolean blocking() {
        return summary != null && (summary.path("blocking").asBoolean(false)
                || summary.path("baseline").path("blocking").asBoolean(false));
    }
}
