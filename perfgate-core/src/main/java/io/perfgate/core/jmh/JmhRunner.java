package io.perfgate.core.jmh;

import java.io.BufferedReader;
import java.io.File;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs JMH's launcher in a JVM of its own on the test class path, streams its console output line by
 * line, and keeps what it wrote under one directory: {@code jmh-result.json} (JMH's JSON),
 * {@code jmh-output.txt} (the console) and {@code classpath.args} (the class path, passed as a java
 * {@code @argfile} so long class paths fit any command line, with {@link CpuWaitProfiler}'s class from
 * {@code perfgate-classes} at its end, which every run profiles with). Every run is bounded by a timeout, after
 * which the JVM and JMH's forks are killed. JMH refuses to start while another JMH run on the machine holds
 * its lock ({@code jmh.lock} in the temporary directory), so that benchmarks never measure each other; the
 * runner then waits for that run to end, within the timeout, rather than measure alongside it.
 *
 * @param java      the java executable
 * @param launcherOptions options of the JVM that runs JMH's launcher (not of the benchmark forks)
 * @param classpath the test class path: test classes, main classes, every test dependency (JMH among them)
 * @param directory where JMH's files are kept, e.g. {@code target/perfgate/jmh}
 * @param workingDirectory the directory JMH runs in (the module's base directory)
 * @param timeout   the longest a run may take
 * @param profiles  the JFR profiles every run records; null for none
 */
public record JmhRunner(Path java, List<String> launcherOptions, List<String> classpath, Path directory,
                        Path workingDirectory, Duration timeout, JmhProfiles profiles) {

    /** JMH's JSON result. */
    public static final String RESULT_FILE = "jmh-result.json";
    /** JMH's console output. */
    public static final String OUTPUT_FILE = "jmh-output.txt";
    private static final String CLASSPATH_FILE = "classpath.args";
    /** perfgate's classes that JMH loads in its forks: the CPU-wait profiler, without the rest of perfgate. */
    private static final String PROFILER_CLASSES = "perfgate-classes";
    /** {@link CpuWaitProfiler}, named: its class needs JMH, which only the benchmarks' class path has. */
    static final String CPU_WAIT_PROFILER = "io.perfgate.core.jmh.CpuWaitProfiler";
    private static final int TAIL_LINES = 15;
    private static final String LOCK_HELD = "Unable to acquire the JMH lock";
    private static final long LOCK_POLL_MILLIS = 2_000;

    public JmhRunner {
        launcherOptions = launcherOptions == null ? List.of() : List.copyOf(launcherOptions);
        classpath = List.copyOf(classpath);
    }

    /** A runner that records no profiles. */
    public JmhRunner(Path java, List<String> launcherOptions, List<String> classpath, Path directory,
                     Path workingDirectory, Duration timeout) {
        this(java, launcherOptions, classpath, directory, workingDirectory, timeout, null);
    }

    /** The same runner keeping its files in another directory, with another timeout. */
    public JmhRunner in(Path otherDirectory, Duration otherTimeout) {
        return new JmhRunner(java, launcherOptions, classpath, otherDirectory, workingDirectory, otherTimeout,
                profiles);
    }

    /** The same runner recording these profiles in every run. */
    public JmhRunner withProfiles(JmhProfiles recorded) {
        return new JmhRunner(java, launcherOptions, classpath, directory, workingDirectory, timeout, recorded);
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
        Finished finished = launch(command.listArguments(), output::add, null, timeout);
        if (finished.exitCode() != 0) {
            throw new JmhResultException("JMH could not list the benchmarks (exit code " + finished.exitCode()
                    + describe(finished) + "):" + System.lineSeparator() + String.join(System.lineSeparator(), output));
        }
        return JmhCommand.parseList(output);
    }

    /**
     * Runs the selected benchmarks. JMH's previous JSON is removed first, so a run that writes none is never
     * read as this one's. While another JMH run holds JMH's lock, waits for it (within the timeout).
     *
     * @param console receives each line JMH prints, as it prints it
     * @return the exit code, the failures JMH printed, and whether the timeout ended the run
     */
    public Finished run(JmhCommand command, JmhSettings settings, boolean gcProfiler, List<String> jvmArgsAppend,
                        Consumer<String> console) {
        List<String> forkOptions = new ArrayList<>(profiles == null ? List.of() : profiles.forkOptions());
        forkOptions.addAll(jvmArgsAppend == null ? List.of() : jvmArgsAppend);
        List<String> arguments = new ArrayList<>(command.runArguments(settings, gcProfiler, resultFile(),
                forkOptions));
        arguments.addAll(profiles == null ? List.of() : profiles.profilerArguments());
        if (runsJava17OrLater()) {
            arguments.addAll(List.of("-prof", CPU_WAIT_PROFILER));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean announced = false;
        while (true) {
            Finished finished = runOnce(arguments, console, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            boolean locked = finished.exitCode() != 0 && finished.tail().stream().anyMatch(line -> line.contains(LOCK_HELD));
            if (!locked) {
                return finished;
            }
            if (System.nanoTime() + LOCK_POLL_MILLIS * 1_000_000 > deadline) {
                return new Finished(finished.exitCode(), true, finished.failures(), finished.tail());
            }
            if (!announced) {
                console.accept("perfgate: another JMH run holds JMH's lock; waiting for it to finish (at most until"
                        + " the timeout of " + timeout.toSeconds() + " s)");
                announced = true;
            }
            try {
                Thread.sleep(LOCK_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JmhResultException("interrupted while waiting for another JMH run to finish", e);
            }
        }
    }

    private Finished runOnce(List<String> arguments, Consumer<String> console, Duration remaining) {
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(resultFile());
        } catch (IOException e) {
            throw new JmhResultException("cannot prepare " + directory + ": " + e.getMessage(), e);
        }
        // JMH's first lines are held back until it starts measuring: a start refused for JMH's lock is not shown
        List<String> held = new ArrayList<>();
        boolean[] started = {false};
        Finished finished;
        try (BufferedWriter output = Files.newBufferedWriter(outputFile(), StandardCharsets.UTF_8)) {
            finished = launch(arguments, line -> {
                if (started[0]) {
                    console.accept(line);
                } else if (line.startsWith("# ")) {
                    started[0] = true;
                    held.forEach(console);
                    console.accept(line);
                } else {
                    held.add(line);
                }
                try {
                    output.write(line);
                    output.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, new JmhOutputMonitor(), remaining);
        } catch (IOException | UncheckedIOException e) {
            throw new JmhResultException("cannot write JMH's output to " + outputFile() + ": " + e.getMessage(), e);
        }
        if (!started[0] && held.stream().noneMatch(line -> line.contains(LOCK_HELD))) {
            held.forEach(console);
        }
        return finished;
    }

    private Finished launch(List<String> arguments, Consumer<String> lines, JmhOutputMonitor monitor,
                            Duration limit) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(java.toString());
        commandLine.addAll(launcherOptions);
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
        Watchdog watchdog = new Watchdog(process, limit);
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
        List<String> entries = new ArrayList<>(classpath);
        entries.add(writeProfilerClass().toAbsolutePath().toString());
        String joined = String.join(File.pathSeparator, entries);
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

    /**
     * Whether the benchmarks' JVM can load perfgate's classes (Java 17 class files): false only when its
     * {@code release} file names an older Java ({@code perfgate.jmh.jvm} may point at a Java 8 or 11 JDK, which
     * JMH supports); then no CPU wait is measured.
     */
    boolean runsJava17OrLater() {
        Path home = java.toAbsolutePath().getParent() == null ? null : java.toAbsolutePath().getParent().getParent();
        if (home == null) {
            return true;
        }
        try {
            for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "").strip();
                    String major = version.startsWith("1.") ? version.substring(2) : version;
                    int end = 0;
                    while (end < major.length() && Character.isDigit(major.charAt(end))) {
                        end++;
                    }
                    return end == 0 || Integer.parseInt(major.substring(0, end)) >= 17;
                }
            }
        } catch (IOException | RuntimeException e) {
            return true; // no release file to tell: the Maven JVM's own Java, 17 or later, is the usual case
        }
        return true;
    }

    /** {@link CpuWaitProfiler}'s class file in a directory of its own, for the class path. */
    private Path writeProfilerClass() {
        Path classes = directory.resolve(PROFILER_CLASSES);
        String name = CPU_WAIT_PROFILER.replace('.', '/') + ".class";
        Path target = classes.resolve(name);
        try (InputStream bytes = JmhRunner.class.getClassLoader().getResourceAsStream(name)) {
            if (bytes == null) {
                throw new JmhResultException("perfgate's class " + name + " is missing from its own class path");
            }
            Files.createDirectories(target.getParent());
            Files.copy(bytes, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new JmhResultException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return classes;
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

        /**
         * Why the run gave no usable JSON: it timed out or JMH exited with an error; empty when it finished.
         *
         * @param what   the run, as the message names it: {@code JMH}, {@code JMH's warmup retry bench.X}
         * @param runner the runner it ran in, for its timeout and output file
         */
        public Optional<String> problem(String what, JmhRunner runner) {
            if (!timedOut && exitCode == 0) {
                return Optional.empty();
            }
            String lines = ". Its last lines:" + System.lineSeparator() + String.join(System.lineSeparator(), tail)
                    + System.lineSeparator() + "(all of its output: " + runner.outputFile() + ")";
            return Optional.of(timedOut
                    ? what + " did not finish within " + runner.timeout().toSeconds() + " s and was stopped (or"
                    + " another JMH run held JMH's lock all along); raise perfgate.jmh.timeout, or run fewer or"
                    + " shorter benchmarks (-Dperfgate.profile=smoke)" + lines
                    : what + " exited with code " + exitCode + lines);
        }
    }
}
