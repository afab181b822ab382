package io.perfgate.maven;

import io.perfgate.core.report.ReportWriter;
import io.perfgate.core.report.ReportWriters;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's perfgate directory ({@code target/perfgate}): result files in {@code results/}, the reports
 * beside them.
 */
record OutputDirectory(Path directory) {

    /** Where forked test JVMs write result files. */
    Path results() {
        return directory.resolve("results");
    }

    /** The HTML report. */
    Path htmlReport() {
        return directory.resolve("index.html");
    }

    /** The report as messages name it: relative to the project's base directory when inside it, with '/'. */
    String reportLocation(Path baseDirectory) {
        Path report = htmlReport().toAbsolutePath().normalize();
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path shown = report.startsWith(base) ? base.relativize(report) : report;
        return shown.toString().replace('\\', '/');
    }

    /**
     * Removes what an earlier run left: every result file and the reports. Without this, a test deleted or
     * renamed since would still be judged, and a run that records nothing would show the old report.
     *
     * @return the files removed
     */
    List<Path> clearStale() throws IOException {
        List<Path> removed = new ArrayList<>();
        if (Files.isDirectory(results())) {
            Files.walkFileTree(results(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    removed.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    if (!dir.equals(results())) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        for (ReportWriter writer : ReportWriters.all()) {
            Path report = directory.resolve(writer.fileName());
            if (Files.deleteIfExists(report)) {
                removed.add(report);
            }
        }
        return removed;
    }
}
