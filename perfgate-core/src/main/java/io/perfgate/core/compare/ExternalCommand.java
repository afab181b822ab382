package io.perfgate.core.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command (git, mvn) run to its end or its time limit, its output kept in a log file so a long build never
 * blocks on a full pipe.
 */
record ExternalCommand(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {

    ExternalCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** How the command ended and what it printed. */
    record Outcome(int exitCode, boolean timedOut, String output, Path log) {
        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The last lines of its output. */
        String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    Outcome run(Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean ended;
        try {
            ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Outcome(ended ? process.exitValue() : -1, !ended, output, log);
    }

    /** "git worktree add ... exited with 128" / "... was killed after 600 s". */
    String describe(Outcome outcome) {
        return String.join(" ", command) + (outcome.timedOut() ? " was killed after " + timeout.toSeconds()
                + " s (its time limit)" : " exited with " + outcome.exitCode());
    }
}
