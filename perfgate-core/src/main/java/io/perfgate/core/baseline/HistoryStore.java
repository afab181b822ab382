package io.perfgate.core.baseline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.result.AtomicFiles;
import io.perfgate.core.result.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run history, one small file per run named {@code <UTC time>-<commit>-<random>.json}: two builds
 * (two pull requests) never write the same file, and files sort by time.
 */
public final class HistoryStore {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public HistoryStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Writes a run under a name no other run takes, and returns the file. */
    public Path write(HistoryRun run) {
        Instant at = run.fingerprint().recordedAt() == null ? Instant.now() : run.fingerprint().recordedAt();
        String commit = run.fingerprint().commit() == null ? "nocommit"
                : run.fingerprint().commit().substring(0, Math.min(7, run.fingerprint().commit().length()));
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        Path file = directory.resolve(NAME_TIME.format(at) + "-" + commit.replaceAll("[^A-Za-z0-9]", "") + "-"
                + HexFormat.of().formatHex(random) + ".json");
        try {
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(run));
        } catch (JacksonException e) {
            throw new BaselineFileException(file, "cannot serialize the history run: " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Every readable run, oldest first. History is advisory: an unreadable file is reported in
     * {@code problems} and left alone, never a reason to stop.
     */
    public Runs readAll() {
        List<HistoryRun> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files()) {
            try {
                JsonNode tree = Json.mapper().readTree(file.toFile());
                if (tree == null || !tree.hasNonNull("schemaVersion")) {
                    problems.add(file + ": not a perfgate history run; ignored");
                    continue;
                }
                String version = tree.get("schemaVersion").asText();
                if (Integer.parseInt(version.split("\\.", 2)[0]) > HistoryRun.SCHEMA_MAJOR) {
                    problems.add(file + ": history schema " + version + " is newer than this perfgate reads; ignored");
                    continue;
                }
                HistoryRun run = Json.mapper().treeToValue(tree, HistoryRun.class);
                if (run.fingerprint() == null) {
                    problems.add(file + ": history run without a fingerprint; ignored");
                    continue;
                }
                runs.add(run);
            } catch (JacksonException | NumberFormatException e) {
                problems.add(file + ": unreadable history run (" + e.getMessage().lines().findFirst().orElse("")
                        + "); ignored");
            } catch (IOException e) {
                problems.add(file + ": cannot read (" + e.getMessage() + "); ignored");
            }
        }
        runs.sort(Comparator.comparing(run -> run.fingerprint().recordedAt() == null ? Instant.EPOCH
                : run.fingerprint().recordedAt()));
        return new Runs(runs, problems);
    }

    /**
     * Deletes runs beyond the retention: older than {@code maxAge}, and the oldest beyond
     * {@code maxRuns}. Only files named like history runs are touched. Returns the files deleted.
     */
    public List<Path> prune(Duration maxAge, int maxRuns, Instant now) {
        List<Path> files = files();
        List<Path> deleted = new ArrayList<>();
        Instant oldest = now.minus(maxAge);
        int keep = files.size();
        for (Path file : files) {
            Instant at = timeOf(file);
            boolean tooOld = at != null && at.isBefore(oldest);
            boolean tooMany = keep > maxRuns;
            if (tooOld || tooMany) {
                try {
                    Files.deleteIfExists(file);
                    deleted.add(file);
                    keep--;
                } catch (IOException e) {
                    throw new BaselineFileException(file, "cannot delete an expired history run: " + e.getMessage(), e);
                }
            }
        }
        return deleted;
    }

    /** History files sorted by name, which is by time. */
    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BaselineFileException(directory, "cannot list the history: " + e.getMessage(), e);
        }
    }

    private static Instant timeOf(Path file) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            return Instant.from(NAME_TIME.parse(name.substring(0, dash)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The readable runs, oldest first, and the files that were ignored. */
    public record Runs(List<HistoryRun> runs, List<String> problems) {
        public Runs {
            runs = List.copyOf(runs);
            problems = List.copyOf(problems);
        }
    }
}
