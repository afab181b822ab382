package io.perfgate.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepSummaryTest {

    @TempDir
    Path directory;

    @Test
    void appendsAfterWhatOtherStepsWroteAndCreatesAMissingFile() throws IOException {
        Path summary = directory.resolve("steps/summary.md");
        StepSummary.append(summary, "## perfgate: module a\n");
        StepSummary.append(summary, "## perfgate: module b");
        assertEquals("## perfgate: module a\n\n## perfgate: module b\n", Files.readString(summary));
    }
}
