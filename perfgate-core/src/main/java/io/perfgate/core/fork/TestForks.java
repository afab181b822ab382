package io.perfgate.core.fork;

import io.perfgate.core.measure.Profile;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures one test again in further JVMs, one after another, so the spread between JVMs is part of its
 * result. Each fork runs the test (selected by its unique id) in record mode into a results directory of its
 * own, {@code <forks>/<id hash>/jvm-<i>/results}, its output in {@code jvm-<i>/fork.log}; it is told by
 * {@link #FORK_PROPERTY} that it is a fork, so it never forks again.
 *
 * <p>A fork that fails, is killed at its time limit, or leaves no completed result makes the whole outcome a
 * {@link Outcome#failure()}: the caller records the test as not measured, so {@code check} fails its gates
 * rather than judging the JVMs that happened to finish.
 *
 * @param java            the launcher
 * @param jvmArguments    the test JVM's options, debugger agents and perfgate's own settings removed
 *                        ({@link #inheritedArguments})
 * @param classpath       the test classpath
 * @param mainClass       the entry that runs selected tests (perfgate-junit's {@code ForkMain})
 * @param workingDirectory where the forks run
 * @param forksDirectory  where their results and logs go
 * @param timeout         per fork
 */
public record TestForks(Path java, List<String> jvmArguments, String classpath, String mainClass,
                        Path workingDirectory, Path forksDirectory, Duration timeout) {

    /** Set in a fork to its number (1, 2, ...): a fork measures in its own JVM only. */
    public static final String FORK_PROPERTY = "perfgate.fork";
    /** Whether a test JVM records, judges or does nothing (read by perfgate-junit, set by {@code perfgate:prepare}). */
    public static final String MODE_PROPERTY = "perfgate.mode";
    /** Where a recording JVM writes its result files. */
    public static final String RESULTS_DIRECTORY_PROPERTY = "perfgate.resultsDirectory";
    /** How many JVMs measure a test, the test JVM included; see {@link ForkCount}. */
    public static final String FORKS_PROPERTY = "perfgate.forks";

    /**
     * Every JVM's measurement (the test JVM's first), or why the forks did not all measure the test.
     *
     * @param addedBecause why JVMs were added to the planned ones (they disagreed), or null
     */
    public record Outcome(List<Measurement> measurements, String failure, String addedBecause) {
        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * Runs {@code forks - 1} further JVMs for the test and returns every measurement, the test JVM's first. When
     * three or more JVMs disagree ({@link JvmAgreement}), {@link JvmAgreement#EXTRA} more measure it too.
     *
     * @param settings the perfgate settings every fork gets as system properties ({@code perfgate.profile})
     */
    public Outcome measure(String testId, String label, Measurement own, int forks, Map<String, String> settings)
            throws InterruptedException {
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(own);
        int all = forks;
        String addedBecause = null;
        for (int fork = 1; fork < all; fork++) {
            String which = "fork " + fork + " of " + (all - 1) + " (JVM " + (fork + 1) + " of " + all
                    + " measuring " + label + (fork < forks ? "" : ", added because " + addedBecause) + ")";
            Optional<String> failure = runFork(testId, fork, which, settings, measurements);
            if (failure.isPresent()) {
                return new Outcome(measurements, failure.get(), addedBecause);
            }
            if (fork == forks - 1) {
                addedBecause = JvmAgreement.disagreement(measurements).orElse(null);
                all = addedBecause == null ? forks : forks + JvmAgreement.EXTRA;
            }
        }
        return new Outcome(measurements, null, addedBecause);
    }

    /** Runs fork number {@code fork} and adds its measurement; or why it has none. */
    private Optional<String> runFork(String testId, int fork, String which, Map<String, String> settings,
                                     List<Measurement> measurements) throws InterruptedException {
        Path jvmDirectory = forksDirectory.resolve(ResultFiles.idHash(testId)).resolve("jvm-" + fork);
        Path results = jvmDirectory.resolve("results");
        Path expected = ResultFiles.fileFor(results, testId);
        List<String> arguments = new ArrayList<>(jvmArguments);
        settings.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
        arguments.add("-D" + MODE_PROPERTY + "=record");
        arguments.add("-D" + RESULTS_DIRECTORY_PROPERTY + "=" + results.toAbsolutePath());
        arguments.add("-D" + FORK_PROPERTY + "=" + fork);
        JvmFork.Exit exit;
        try {
            Files.deleteIfExists(expected);
            exit = new JvmFork(java, arguments, classpath, mainClass, List.of(testId), workingDirectory,
                    jvmDirectory.resolve("fork.log"), timeout).run();
        } catch (IOException e) {
            return Optional.of(which + " could not be started: " + e.getMessage());
        }
        if (!exit.succeeded()) {
            return Optional.of(which + " " + exit.describe() + "; its log " + exit.log()
                    + " ends:" + System.lineSeparator() + exit.tail(12));
        }
        TestResult result;
        try {
            result = Files.exists(expected) ? ResultFiles.read(expected) : null;
        } catch (ResultFileException e) {
            return Optional.of(which + " left an unreadable result " + expected + ": " + e.getMessage());
        }
        if (result == null || result.status() != ResultStatus.COMPLETED || result.measurement() == null) {
            return Optional.of(which + " exited with 0 but recorded no measurement"
                    + (result == null ? " (no " + expected + ")" : ": " + result.status()
                    + (result.statusReason() == null ? "" : ", " + result.statusReason())) + "; its log: " + exit.log());
        }
        measurements.add(result.measurement());
        return Optional.empty();
    }

    /** Options that would break or distort a fork: a debugger agent would wait on the debugger's port. */
    private static final List<String> DEBUGGER = List.of("-agentlib:jdwp", "-Xrunjdwp", "-Xdebug");
    /** System properties a JVM sets for itself, never passed on. */
    private static final List<String> OWN_PREFIXES = List.of("java.", "jdk.", "sun.", "os.", "user.", "file.",
            "line.", "path.", "native.", "stdout.", "stderr.", "awt.", "surefire.");
    /** perfgate's settings a fork gets its own value of; the others (maxCpuWait, profiling) it inherits. */
    private static final Set<String> SET_BY_FORK = Set.of(MODE_PROPERTY, RESULTS_DIRECTORY_PROPERTY,
            "perfgate.skip", Profile.PROPERTY, FORKS_PROPERTY, FORK_PROPERTY);

    /**
     * The options of the test JVM a fork inherits: its input arguments without debugger agents and without
     * perfgate's own settings (the fork gets its own), plus the system properties set after start-up (by surefire,
     * from {@code -Dkey=value} on Maven's command line) that the input arguments lack.
     */
    public static List<String> inheritedArguments(List<String> inputArguments, Map<String, String> systemProperties) {
        List<String> inherited = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (String argument : inputArguments) {
            if (isDebugger(argument) || setByFork(argument)) {
                continue;
            }
            inherited.add(argument);
            if (argument.startsWith("-D")) {
                int equals = argument.indexOf('=');
                given.add(equals < 0 ? argument.substring(2) : argument.substring(2, equals));
            }
        }
        new TreeMap<>(systemProperties).forEach((key, value) -> {
            if (!given.contains(key) && OWN_PREFIXES.stream().noneMatch(key::startsWith) && !SET_BY_FORK.contains(key)
                    && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                inherited.add("-D" + key + "=" + value);
            }
        });
        return inherited;
    }

    /** Whether the JVM option attaches a debugger, which would wait on the debugger's port in a fork. */
    public static boolean isDebugger(String argument) {
        return DEBUGGER.stream().anyMatch(argument::startsWith);
    }

    /** Whether the argument is a {@code -D} of perfgate's that each fork is given its own value of. */
    public static boolean setByFork(String argument) {
        if (!argument.startsWith("-D")) {
            return false;
        }
        int equals = argument.indexOf('=');
        return SET_BY_FORK.contains(equals < 0 ? argument.substring(2) : argument.substring(2, equals));
    }
}
