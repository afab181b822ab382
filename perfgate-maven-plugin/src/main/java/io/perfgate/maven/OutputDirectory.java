package io.perfgate.maven;

import io.perfgate.core.plan.TestPlanFiles;
import io.perfgate.core.certificate.CertificateWriters;
import io.perfgate.core.report.ReportWriter;
import io.perfgate.core.report.ReportWriters;

import io.perfgate.core.result.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A module's perfgate directory ({@code target/perfgate}): result files in {@code results/}, the reports
 * beside them.
 */
record OutputDirectory(Path directory) {

    /** Where forked test JVMs write result files. */
    Path results() {
        return directory.resolve("results");
    }

    /** Where forked test JVMs write their test plans (which gated tests each was about to run). */
    Path plans() {
        return TestPlanFiles.directoryFor(results());
    }

    /** Where the extra JVMs measuring each gated test keep their results and logs (beside the results). */
    Path forks() {
        return directory.resolve("forks");
    }

    /** The HTML report. */
    Path htmlReport() {
        return directory.resolve("index.html");
    }

    /** The report as messages name it: relative to the project's base directory when inside it, with '/'. */
    String reportLocation(Path baseDirectory) {
        return shown(htmlReport(), baseDirectory);
    }

    /** A file as messages name it: relative to the project's base directory when inside it, with '/'. */
    static String shown(Path file, Path baseDirectory) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** The file naming the build that last prepared this directory. */
    Path buildMarker() {
        return directory.resolve("build.id");
    }

    /**
     * Readies the directory for the build {@code buildId}: removes what an earlier build left (results, plans,
     * reports) and records the build. Without this, a test deleted or renamed since would still be judged, and a
     * run that records nothing would show the old report. When this build prepared the directory already (a
     * forked lifecycle such as javadoc's or source's runs {@code prepare} again, or it is bound twice), nothing is
     * removed: the results are this build's own.
     *
     * @return the files removed; empty when the directory already belongs to this build
     */
    List<Path> clearStale(String buildId) throws IOException {
        if (buildId.equals(preparedBy().orElse(null))) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        clearDirectory(results(), removed);
        clearDirectory(plans(), removed);
        clearDirectory(forks(), removed); // so no earlier build's fork log passes for this build's
        List<String> reports = new ArrayList<>(ReportWriters.all().stream().map(ReportWriter::fileName).toList());
        reports.addAll(List.of(CertificateWriters.JSON, CertificateWriters.MARKDOWN)); // never certify stale files
        for (String name : reports) {
            Path report = directory.resolve(name);
            if (Files.deleteIfExists(report)) {
                removed.add(report);
            }
        }
        Files.createDirectories(directory);
        AtomicFiles.write(buildMarker(), buildId + "\n");
        return removed;
    }

    /** The build that last prepared this directory, when one did. */
    Optional<String> preparedBy() throws IOException {
        Path marker = buildMarker();
        return Files.isRegularFile(marker) ? Optional.of(Files.readString(marker, StandardCharsets.UTF_8).strip())
                : Optional.empty();
    }

    /** Empties a directory; a plain file in its place (which would stop every write into it) is removed too. */
    private static void clearDirectory(Path root, List<Path> removed) throws IOException {
        if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(root)) {
            Files.delete(root);
            removed.add(root);
            return;
        }
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
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
                if (!dir.equals(root)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
