package io.perfgate.core.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM, bounded in time, its output kept in a log file. Used to measure a test in a fresh JVM (so the
 * spread between JVMs, from JIT decisions and heap layout, can be seen) and to run two versions of a project in
 * alternating JVMs. The command line goes through a Java argument file ({@code java @file}), so a long test
 * classpath never meets the operating system's command-length limit.
 *
 * @param java            the {@code java} launcher to run ({@link #currentJava()} for the one running now)
 * @param jvmArguments    options before the main class ({@code -Xmx512m}, {@code -Dkey=value}, agents)
 * @param classpath       the class path, entries joined with the platform's path separator
 * @param mainClass       the class whose {@code main} runs
 * @param arguments       arguments after the main class
 * @param workingDirectory where the JVM runs
 * @param log             where its standard output and error go (created or replaced)
 * @param timeout         how long it may run before it is killed
 */
public record JvmFork(Path java, List<String> jvmArguments, String classpath, String mainClass,
                      List<String> arguments, Path workingDirectory, Path log, Duration timeout) {

    public JvmFork {
        Objects.requireNonNull(java, "java");
        jvmArguments = List.copyOf(jvmArguments);
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(mainClass, "mainClass");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(log, "log");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a fork's timeout must be positive: " + timeout);
        }
    }

    /** The {@code java} launcher of the JVM running this code. */
    public static Path currentJava() {
        String executable = System.getProperty("os.name", "").toLowerCase().contains("win") ? "java.exe" : "java";
        return Path.of(System.getProperty("java.home"), "bin", executable);
    }

    /** How a fork ended. */
    public record Exit(int code, boolean timedOut, Path log, Duration elapsed) {

        public boolean succeeded() {
            return !timedOut && code == 0;
        }

        /** The last lines of the log, for a message that says why a fork failed. */
        public String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException | RuntimeException e) {
                return "(its log " + log + " could not be read: " + e.getMessage() + ")";
            }
        }

        /** "exited with 1", "was killed after 600 s". */
        public String describe() {
            return timedOut ? "was killed after " + elapsed.toSeconds() + " s (its time limit)"
                    : "exited with " + code;
        }
    }

    /** Runs the JVM to its end (or its timeout) and returns how it ended. */
    public Exit run() throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Path argumentFile = log.resolveSibling(log.getFileName() + ".args");
        List<String> fileLines = new ArrayList<>();
        for (String argument : jvmArguments) {
            fileLines.add(quoted(argument));
        }
        fileLines.add("-cp");
        fileLines.add(quoted(classpath));
        fileLines.add(quoted(mainClass));
        for (String argument : arguments) {
            fileLines.add(quoted(argument));
        }
        Files.write(argumentFile, fileLines, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "@" + argumentFile.toAbsolutePath())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Exit(ended ? process.exitValue() : -1, !ended, log, elapsed);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Java argument files split on white space unless quoted; backslashes escape inside quotes. */
    static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
