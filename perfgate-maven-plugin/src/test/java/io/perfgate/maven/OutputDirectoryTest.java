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
        Files.createDirectories(output.plans());
        Files.writeString(output.plans().resolve("plan-1-a.json"), "{}");
        Files.createDirectories(output.forks().resolve("3f2a/jvm-1"));
        Files.writeString(output.forks().resolve("3f2a/jvm-1/fork.log"), "an earlier build's fork");
        for (ReportWriter writer : ReportWriters.all()) {
            Files.writeString(output.directory().resolve(writer.fileName()), "old");
        }
        Path unrelated = Files.writeString(output.directory().resolve("notes.txt"), "mine");

        int removed = output.clearStale("build-2").size();

        assertEquals(5 + ReportWriters.all().size(), removed);
        assertFalse(Files.exists(output.forks().resolve("3f2a/jvm-1/fork.log")));
        assertEquals("build-2", output.preparedBy().orElseThrow());
        try (var left = Files.list(output.plans())) {
            assertEquals(0, left.count());
        }
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
    void clearStaleOnAFreshProjectRemovesNothingAndRecordsTheBuild() throws IOException {
        OutputDirectory output = new OutputDirectory(project.resolve("target/perfgate"));
        assertEquals(0, output.clearStale("build-1").size());
        assertEquals("build-1", output.preparedBy().orElseThrow());
    }

    @Test
    void aSecondPrepareInTheSameBuildKeepsWhatTheBuildWrote() throws IOException {
        OutputDirectory output = new OutputDirectory(project.resolve("target/perfgate"));
        output.clearStale("build-7");
        Path result = Files.writeString(Files.createDirectories(output.results()).resolve("a1b2.json"), "{}");
        Path plan = Files.writeString(Files.createDirectories(output.plans()).resolve("plan-1-a.json"), "{}");

        assertEquals(0, output.clearStale("build-7").size(), "a forked lifecycle re-entering prepare");
        assertTrue(Files.exists(result));
        assertTrue(Files.exists(plan));

        assertEquals(2, output.clearStale("build-8").size(), "the next build starts clean");
        assertFalse(Files.exists(result));
    }

    @Test
    void aFileWhereTheResultsDirectoryShouldBeIsRemoved() throws IOException {
        OutputDirectory output = new OutputDirectory(project.resolve("target/perfgate"));
        Files.createDirectories(output.directory());
        Files.writeString(output.results(), "not a directory");
        assertEquals(1, output.clearStale("build-1").size());
        assertFalse(Files.exists(output.results()));
    }
}
