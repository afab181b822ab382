package io.perfgate.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends the Markdown summary to a CI job summary, as GitHub Actions offers through {@code GITHUB_STEP_SUMMARY}. */
final class StepSummary {

    /** The environment variable GitHub Actions sets to the job summary file. */
    static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    /**
     * Left in a module's perfgate directory when its {@code check} appended its own summary although
     * {@code report-aggregate} runs (a failing check does, since the build may stop before the aggregate).
     */
    static final String APPENDED_MARKER = ".step-summary-appended";

    private StepSummary() {
    }

    /**
     * Appends {@code markdown} to the file, creating it when absent; other steps and modules append too,
     * so the content is kept apart from what came before by a blank line.
     */
    static void append(Path summaryFile, String markdown) throws IOException {
        String separated = markdown.endsWith("\n") ? markdown : markdown + "\n";
        if (Files.exists(summaryFile) && Files.size(summaryFile) > 0) {
            separated = "\n" + separated;
        }
        Path parent = summaryFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(summaryFile, separated, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
}
