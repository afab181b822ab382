package io.perfgate.core.compare;

import io.perfgate.core.fork.JvmFork;
import io.perfgate.core.jmh.CompiledBenchmarks;
import io.perfgate.core.jmh.JmhCommand;
import io.perfgate.core.jmh.JmhResultException;
import io.perfgate.core.jmh.JmhResultReader;
import io.perfgate.core.jmh.JmhResults;
import io.perfgate.core.jmh.JmhRun;
import io.perfgate.core.jmh.JmhRunner;
import io.perfgate.core.jmh.JmhSettings;
import io.perfgate.core.measure.ContentionRule;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fork of compare's gated JMH benchmarks: one JMH run on the version's test class path that measures each
 * selected benchmark in one JMH fork, with the warmup, measurement and threads head's {@code perfgate:jmh}
 * recorded for it. Benchmarks recorded with different settings run in one JMH run per settings. A pair of such
 * forks is one replicate of each benchmark's score, as a JMH fork is in {@code check}.
 */
public final class BenchmarkForkRunner implements InterleavedRuns.ForkRunner {

    /** The profile recorded in the forks' results. */
    private static final String PROFILE = "compare";

    private final Path java;
    private final List<String> jvmArgsAppend;
    private final Map<String, BenchmarkDetails> benchmarks;
    private final boolean gcProfiler;
    private final Duration forkTimeout;

    /**
     * @param jvmArgsAppend options of every benchmark's JMH fork
     * @param benchmarks    head's recorded benchmark runs by result id: their names, modes and settings
     * @param gcProfiler    whether JMH's gc profiler runs, for allocation per operation
     * @param forkTimeout   the time limit of one side's JMH runs together
     */
    public BenchmarkForkRunner(Path java, List<String> jvmArgsAppend, Map<String, BenchmarkDetails> benchmarks,
                               boolean gcProfiler, Duration forkTimeout) {
        this.java = java;
        this.jvmArgsAppend = List.copyOf(jvmArgsAppend);
        this.benchmarks = Map.copyOf(benchmarks);
        this.gcProfiler = gcProfiler;
        this.forkTimeout = forkTimeout;
    }

    /**
     * One JMH fork with the settings head's run recorded: its warmup and measurement iterations and their times,
     * and its thread count. A single-shot benchmark, whose times are not durations, keeps only its iterations.
     */
    static JmhSettings settingsOf(BenchmarkDetails details) {
        String warmup = JmhSettings.nanos(details.warmupTime()) > 0 ? details.warmupTime() : "1s";
        String measurement = JmhSettings.nanos(details.measurementTime()) > 0 ? details.measurementTime() : "1s";
        return new JmhSettings(1, Math.max(0, details.warmupIterations()), warmup,
                Math.max(1, details.measurementIterations()), measurement,
                details.threads() > 0 ? details.threads() : null);
    }

    @Override
    public InterleavedRuns.Fork run(int pair, int sequence, InterleavedRuns.Version version, List<String> ids,
                                    boolean probe, Path directory) throws IOException {
        Map<JmhSettings, Set<String>> namesBySettings = new LinkedHashMap<>();
        for (String id : ids) {
            BenchmarkDetails details = benchmarks.get(id);
            namesBySettings.computeIfAbsent(settingsOf(details), settings -> new LinkedHashSet<>())
                    .add(details.benchmark());
        }
        List<String> classpath = Arrays.stream(version.classpath().split(Pattern.quote(File.pathSeparator)))
                .filter(entry -> !entry.isBlank()).toList();
        Map<String, TestResult> recorded = new LinkedHashMap<>();
        // the benchmarks the version has; null once a listing fails, when nothing is known to be missing
        Set<String> listed = probe ? new LinkedHashSet<>() : null;
        long started = System.nanoTime();
        long deadline = started + forkTimeout.toNanos();
        int code = 0;
        boolean timedOut = false;
        Path log = null;
        int group = 0;
        for (Map.Entry<JmhSettings, Set<String>> entry : namesBySettings.entrySet()) {
            Path jmhDirectory = directory.resolve(namesBySettings.size() == 1 ? "jmh" : "jmh-" + ++group);
            Duration left = Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
            JmhRunner runner = new JmhRunner(java, List.of(), classpath, jmhDirectory, version.workingDirectory(),
                    left);
            Set<String> names = new LinkedHashSet<>(entry.getValue());
            Files.createDirectories(jmhDirectory);
            try {
                if (probe) {
                    List<String> present;
                    try {
                        present = runner.list(select(names));
                    } catch (JmhResultException e) {
                        if (!hasBenchmarkList(classpath)) {
                            continue; // the base has no benchmarks at all (JMH, or its processor, came with head)
                        }
                        listed = null;
                        throw e;
                    }
                    names.retainAll(present);
                    if (listed != null) {
                        listed.addAll(present);
                    }
                    if (names.isEmpty()) {
                        continue; // JMH refuses a run that matches nothing
                    }
                }
                JmhCommand command = select(names);
                Instant start = Instant.now();
                JmhRunner.Finished finished = runner.run(command, entry.getKey(), gcProfiler, jvmArgsAppend,
                        line -> { });
                List<JmhRun> runs = Files.isRegularFile(runner.resultFile())
                        ? JmhResultReader.read(runner.resultFile()) : List.of();
                for (TestResult result : JmhResults.convert(runs, finished.failures(), names,
                        (benchmark, params) -> List.of(), Map.of(), ContentionRule.NEVER, PROFILE, start)) {
                    if (!ids.contains(result.id())) {
                        continue;
                    }
                    String failure = result.benchmark() == null ? null : result.benchmark().failure();
                    if (failure != null) {
                        // a benchmark that threw measured nothing to compare: the fork failed it, with JMH's cause
                        result = result.withStatus(ResultStatus.DECLARED, "JMH: " + failure);
                        if (code == 0) {
                            code = 1;
                            log = runner.outputFile();
                        }
                    }
                    recorded.put(result.id(), result);
                }
                if (code == 0 && (finished.exitCode() != 0 || finished.timedOut())) {
                    code = finished.exitCode() != 0 ? finished.exitCode() : 1;
                    log = runner.outputFile();
                }
                timedOut |= finished.timedOut();
            } catch (JmhResultException e) {
                // JMH could not list or run them, or left unreadable JSON: nothing of this run is recorded
                Files.writeString(jmhDirectory.resolve("perfgate-error.txt"), e.getMessage());
                if (code == 0) {
                    code = 1;
                    log = jmhDirectory.resolve("perfgate-error.txt");
                }
            }
            if (log == null) {
                log = runner.outputFile();
            }
        }
        JvmFork.Exit exit = new JvmFork.Exit(code, timedOut, log == null ? directory : log,
                Duration.ofNanos(System.nanoTime() - started));
        return new InterleavedRuns.Fork(pair, version.side(), sequence, exit, recorded,
                probe ? unmatched(ids, listed, recorded, exit) : List.of());
    }

    /** Whether a class path directory holds JMH's list of benchmarks, as its annotation processor writes it. */
    private static boolean hasBenchmarkList(List<String> classpath) {
        return classpath.stream().map(Path::of)
                .anyMatch(entry -> Files.isRegularFile(entry.resolve(CompiledBenchmarks.BENCHMARK_LIST)));
    }

    /** Exactly these benchmarks, each in all its modes and {@code @Param} values. */
    private static JmhCommand select(Set<String> names) {
        return new JmhCommand(names.stream().map(name -> "^" + Pattern.quote(name) + "$").toList(), List.of());
    }

    /**
     * The runs the version lacks: those of a benchmark JMH does not list in it, and, when JMH ran cleanly, those of
     * a listed benchmark it left out (a mode or {@code @Param} value head added). None when a listing failed.
     */
    private List<String> unmatched(List<String> ids, Set<String> listed, Map<String, TestResult> recorded,
                                   JvmFork.Exit exit) {
        List<String> unmatched = new ArrayList<>();
        if (listed == null) {
            return unmatched;
        }
        for (String id : ids) {
            boolean present = listed.contains(benchmarks.get(id).benchmark());
            if (!present || exit.succeeded() && !recorded.containsKey(id)) {
                unmatched.add(id);
            }
        }
        return unmatched;
    }
}
