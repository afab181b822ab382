package io.perfgate.maven;

import io.perfgate.core.report.ReportWriter;
import io.perfgate.core.report.ReportWriters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputDirectoryTest {

    @TempDir
    Path project;

    @Test
    void reportLocationIsRelativeToTheProjectWithForwardSlashes() {
        OutputDirectory output = new OutputDirectory(project.resolve("target").resolve("perfgate"));
        assertEquals("target/perfgate/index.html", output.reportLocation(project));
        assertEquals(project.resolve("target/perfgate/results"), output.results());
    }

    @Test
    void reportLocationOutsideTheProjectIsAbsolute() {
        OutputDirectory output = new OutputDirectory(project.resolve("elsewhere/perfgate"));
        assertEquals(project.resolve("elsewhere/perfgate/index.html").toString(), output.reportLocation(project.resolve("app")));
    }

    @Test
    void clearStaleRemovesResultsAndReportsButKeepsOtherFiles() throws IOException {
        OutputDirectory output = new OutputDirectory(project.resolve("target/perfgate"));
        Files.createDirectories(output.results().resolve("nested"));
        Files.writeString(output.results().resolve("a1b2.json"), "{}");
        Files.writeString(output.results().resolve(".a1b2.json123.tmp"), "{");
        Files.writeString(output.results().resolve("nested/x.json"), "{}");
        for (ReportWriter writer : ReportWriters.all()) {
            Files.writeString(output.directory().resolve(writer.fileName()), "old");
        }
        Path unrelated = Files.writeString(output.directory().resolve("notes.txt"), "mine");

        int removed = output.clearStale().size();

        assertEquals(3 + ReportWriters.all().size(), removed);
        assertTrue(Files.isDirectory(output.results()));
        try (var left = Files.list(output.results())) {
            assertEquals(0, left.count());
        }
        for (ReportWriter writer : ReportWriters.all()) {
            assertFalse(Files.exists(output.directory().resolve(writer.fileName())), writer.fileName());
        }
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void clearStaleOnAFreshProjectDoesNothing() throws IOException {
        assertEquals(0, new OutputDirectory(project.resolve("target/perfgate")).clearStale().size());
    }
}
