package io.perfgate.core.jmh;

import java.io.BufferedReader;
import java.io.File;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs JMH's launcher in a JVM of its own on the test class path, streams its console output line by
 * line, and keeps what it wrote under one directory: {@code jmh-result.json} (JMH's JSON),
 * {@code jmh-output.txt} (the console) and {@code classpath.args} (the class path, passed as a java
 * {@code @argfile} so long class paths fit any command line). Every run is bounded by a timeout, after
 * which the JVM and JMH's forks are killed.
 *
 * @param java      the java executable
 * @param classpath the test class path: test classes, main classes, every test dependency (JMH among them)
 * @param directory where JMH's files are kept, e.g. {@code target/perfgate/jmh}
 * @param workingDirectory the directory JMH runs in (the module's base directory)
 * @param timeout   the longest a run may take
 */
public record JmhRunner(Path java, List<String> classpath, Path directory, Path workingDirectory, Duration timeout) {

    /** JMH's JSON result. */
    public static final String RESULT_FILE = "jmh-result.json";
    /** JMH's console output. */
    public static final String OUTPUT_FILE = "jmh-output.txt";
    private static final String CLASSPATH_FILE = "classpath.args";
    private static final int TAIL_LINES = 15;

    public JmhRunner {
        classpath = List.copyOf(classpath);
    }

    /** The JSON file a run writes. */
    public Path resultFile() {
        return directory.resolve(RESULT_FILE);
    }

    /** The console output of the last run. */
    public Path outputFile() {
        return directory.resolve(OUTPUT_FILE);
    }

    /**
     * The benchmarks the command selects, as JMH lists them ({@code -l}).
     *
     * @throws JmhResultException when JMH cannot list them (no JMH on the class path, a bad pattern)
     */
    public List<String> list(JmhCommand command) {
        List<String> output = new ArrayList<>();
        Finished finished = launch(command.listArguments(), output::add, null);
        if (finished.exitCode() != 0) {
            throw new JmhResultException("JMH could not list the benchmarks (exit code " + finished.exitCode()
                    + describe(finished) + "):" + System.lineSeparator() + String.join(System.lineSeparator(), output));
        }
        return JmhCommand.parseList(output);
    }

    /**
     * Runs the selected benchmarks. JMH's previous JSON is removed first, so a run that writes none is never
     * read as this one's.
     *
     * @param console receives each line JMH prints, as it prints it
     * @return the exit code, the failures JMH printed, and whether the timeout ended the run
     */
    public Finished run(JmhCommand command, JmhSettings settings, boolean gcProfiler, List<String> jvmArgsAppend,
                        Consumer<String> console) {
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(resultFile());
        } catch (IOException e) {
            throw new JmhResultException("cannot prepare " + directory + ": " + e.getMessage(), e);
        }
        List<String> arguments = command.runArguments(settings, gcProfiler, resultFile(), jvmArgsAppend);
        try (BufferedWriter output = Files.newBufferedWriter(outputFile(), StandardCharsets.UTF_8)) {
            return launch(arguments, line -> {
                console.accept(line);
                try {
                    output.write(line);
                    output.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, new JmhOutputMonitor());
        } catch (IOException | UncheckedIOException e) {
            throw new JmhResultException("cannot write JMH's output to " + outputFile() + ": " + e.getMessage(), e);
        }
    }

    private Finished launch(List<String> arguments, Consumer<String> lines, JmhOutputMonitor monitor) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(java.toString());
        commandLine.add("@" + writeClasspath());
        commandLine.add(JmhCommand.MAIN_CLASS);
        commandLine.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(commandLine).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new JmhResultException("cannot start " + java + " to run JMH: " + e.getMessage(), e);
        }
        Thread killer = new Thread(() -> destroyTree(process), "perfgate-jmh-shutdown");
        Runtime.getRuntime().addShutdownHook(killer);
        Watchdog watchdog = new Watchdog(process, timeout);
        watchdog.start();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                Charset.defaultCharset()))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
                if (monitor != null) {
                    monitor.accept(line);
                }
                tail.addLast(line);
                if (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
            }
            int exitCode = process.waitFor();
            return new Finished(exitCode, watchdog.expired, monitor == null ? List.of() : monitor.failures(),
                    List.copyOf(tail));
        } catch (IOException e) {
            destroyTree(process);
            if (watchdog.expired) {
                // killing the JVM closed its output under the reader
                return new Finished(exitCodeOf(process), true, monitor == null ? List.of() : monitor.failures(),
                        List.copyOf(tail));
            }
            throw new JmhResultException("lost JMH's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new JmhResultException("interrupted while JMH ran; its JVM was stopped", e);
        } finally {
            watchdog.interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static int exitCodeOf(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The class path as a java {@code @argfile}: quoted, with backslashes escaped, one option per line. */
    private Path writeClasspath() {
        Path file = directory.resolve(CLASSPATH_FILE);
        String joined = String.join(File.pathSeparator, classpath);
        String content = "-cp" + System.lineSeparator() + "\"" + joined.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"" + System.lineSeparator();
        try {
            Files.createDirectories(directory);
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JmhResultException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file.toAbsolutePath();
    }

    private static String describe(Finished finished) {
        return finished.timedOut() ? ", stopped by the timeout" : "";
    }

    /** JMH forks its own JVMs; they go down with it. */
    static void destroyTree(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Kills the run when the timeout passes. */
    private static final class Watchdog extends Thread {
        private final Process process;
        private final Duration timeout;
        private volatile boolean expired;

        Watchdog(Process process, Duration timeout) {
            super("perfgate-jmh-watchdog");
            setDaemon(true);
            this.process = process;
            this.timeout = timeout;
        }

        @Override
        public void run() {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    expired = true;
                    destroyTree(process);
                }
            } catch (InterruptedException e) {
                // the run finished first
            }
        }
    }

    /**
     * How a JMH run ended.
     *
     * @param timedOut whether the timeout stopped it
     * @param failures the benchmarks JMH reported as failed
     * @param tail     JMH's last lines, for error messages
     */
    public record Finished(int exitCode, boolean timedOut, List<JmhOutputMonitor.BenchmarkFailure> failures,
                           List<String> tail) {
        public Finished {
            failures = List.copyOf(failures);
            tail = List.copyOf(tail);
        }
    }
}
