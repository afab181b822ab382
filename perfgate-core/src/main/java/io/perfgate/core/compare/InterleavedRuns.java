package io.perfgate.core.compare;

import io.perfgate.core.fork.JvmFork;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the gated tests of base and head in alternating child JVMs, one JVM per side per pair, in ABBA order
 * (base-head, head-base, ...), so a drift of the machine's speed during the run weighs on both sides alike.
 * Records only; {@link CompareAnalysis} judges.
 */
public final class InterleavedRuns {

    /** The child-JVM entry point in perfgate-junit. */
    public static final String FORK_MAIN = "io.perfgate.junit.fork.ForkMain";
    private static final String UNMATCHED_OPTION = "--unmatched=";

    /** Which version a fork ran. */
    public enum Side {
        BASE, HEAD;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One version's classes and where its JVM runs (its module directory, for tests reading relative files). */
    public record Version(Side side, String classpath, Path workingDirectory) {
    }

    /**
     * @param java               the launcher of the forks (the JDK the build runs on)
     * @param jvmArguments       options every fork gets, before perfgate's own
     * @param recordingArguments perfgate's options for a fork writing results to the given directory
     * @param pairs              how many base/head pairs
     * @param forkTimeout        the time limit of one fork
     * @param totalTimeout       no further pair starts once this much time has passed
     */
    public record Settings(Path java, List<String> jvmArguments, Function<Path, List<String>> recordingArguments,
                           int pairs, Duration forkTimeout, Duration totalTimeout) {
        public Settings {
            jvmArguments = List.copyOf(jvmArguments);
            if (pairs < 1 || pairs > SignedRankTest.MAX_PAIRS) {
                throw new IllegalArgumentException("perfgate.compare.pairs must lie between 1 and "
                        + SignedRankTest.MAX_PAIRS + ", got " + pairs);
            }
        }
    }

    /**
     * One fork: its pair (0-based), side, place in the sequence, how it ended, what it recorded per test id.
     *
     * @param unmatched the selections this version lacks (only asked in the first base fork)
     */
    public record Fork(int pair, Side side, int sequence, JvmFork.Exit exit, Map<String, TestResult> results,
                       List<String> unmatched) {

        /** The test's completed result in this fork, or null. */
        public TestResult completed(String testId) {
            TestResult result = results.get(testId);
            return result != null && result.status() == ResultStatus.COMPLETED && result.measurement() != null
                    ? result : null;
        }
    }

    /**
     * Everything the schedule ran.
     *
     * @param missingInBase tests the base does not have (new in head)
     * @param stoppedEarly  why fewer pairs ran than planned; null when all ran
     */
    public record Runs(List<Fork> forks, Set<String> missingInBase, int pairsPlanned, String stoppedEarly) {
        public Runs {
            forks = List.copyOf(forks);
            missingInBase = Set.copyOf(missingInBase);
        }

        /** Completed pairs: both of their forks ran. */
        public int pairsRun() {
            return (int) forks.stream().filter(fork -> fork.side() == Side.HEAD).count();
        }
    }

    private InterleavedRuns() {
    }

    /** The side that runs first in a pair: base in even pairs, head in odd ones (ABBA). */
    public static Side first(int pair) {
        return pair % 2 == 0 ? Side.BASE : Side.HEAD;
    }

    /**
     * Runs the schedule. The first fork (base) also tells which tests the base lacks; they are left out of
     * every later fork. A fork that times out or records nothing at all stops the schedule: more of the same
     * would only cost time.
     *
     * @param testIds   the unique ids of head's gated tests
     * @param directory where each fork's results and log go
     * @param progress  a line per fork, for the build log
     */
    public static Runs run(List<String> testIds, Version base, Version head, Settings settings, Path directory,
                           Consumer<String> progress) throws IOException, InterruptedException {
        List<Fork> forks = new ArrayList<>();
        Set<String> missingInBase = new LinkedHashSet<>();
        List<String> selected = new ArrayList<>(testIds);
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        String stopped = null;
        int sequence = 0;
        pairs:
        for (int pair = 0; pair < settings.pairs(); pair++) {
            if (pair > 0 && System.nanoTime() > deadline) {
                stopped = "the compare time limit of " + settings.totalTimeout().toMinutes() + " min ran out after "
                        + pair + " of " + settings.pairs() + " pairs (perfgate.compare.timeoutMinutes)";
                break;
            }
            Side first = first(pair);
            for (Side side : first == Side.BASE ? List.of(Side.BASE, Side.HEAD) : List.of(Side.HEAD, Side.BASE)) {
                Version version = side == Side.BASE ? base : head;
                boolean probe = sequence == 0;
                Fork fork = runFork(pair, sequence++, version, selected, probe, settings, directory);
                forks.add(fork);
                progress.accept("perfgate: compare pair " + (pair + 1) + "/" + settings.pairs() + ", " + side.label()
                        + ": " + (fork.exit().succeeded() ? "ok" : fork.exit().describe()) + " in "
                        + fork.exit().elapsed().toMillis() / 1000.0 + " s");
                if (probe) {
                    missingInBase.addAll(fork.unmatched());
                    selected.removeAll(fork.unmatched());
                    if (selected.isEmpty()) {
                        stopped = "the base has none of the tests";
                        break pairs;
                    }
                }
                if (fork.exit().timedOut() || fork.results().values().stream()
                        .noneMatch(result -> result.status() == ResultStatus.COMPLETED)) {
                    stopped = "the " + side.label() + " fork of pair " + (pair + 1) + " " + fork.exit().describe()
                            + " and recorded no measurement (log: " + fork.exit().log() + ")";
                    break pairs;
                }
            }
        }
        return new Runs(forks, missingInBase, settings.pairs(), stopped);
    }

    private static Fork runFork(int pair, int sequence, Version version, List<String> tests, boolean probe,
                                Settings settings, Path directory) throws IOException, InterruptedException {
        String name = String.format(Locale.ROOT, "pair-%02d-%s", pair + 1, version.side().label());
        Path forkDirectory = directory.resolve(name);
        Path results = forkDirectory.resolve("results");
        Files.createDirectories(results);
        Path unmatchedFile = forkDirectory.resolve("unmatched.txt");
        List<String> jvmArguments = new ArrayList<>(settings.jvmArguments());
        jvmArguments.addAll(settings.recordingArguments().apply(results));
        List<String> arguments = new ArrayList<>();
        if (probe) {
            arguments.add(UNMATCHED_OPTION + unmatchedFile.toAbsolutePath());
        }
        arguments.addAll(tests);
        JvmFork fork = new JvmFork(settings.java(), jvmArguments, version.classpath(), FORK_MAIN, arguments,
                version.workingDirectory(), forkDirectory.resolve("fork.log"), settings.forkTimeout());
        JvmFork.Exit exit = fork.run();
        Map<String, TestResult> recorded = new LinkedHashMap<>();
        for (String id : tests) {
            Path file = ResultFiles.fileFor(results, id);
            if (Files.isRegularFile(file)) {
                try {
                    recorded.put(id, ResultFiles.read(file));
                } catch (ResultFileException unreadable) {
                    // a fork killed while writing: the test counts as not recorded in this fork
                }
            }
        }
        List<String> unmatched = probe && Files.isRegularFile(unmatchedFile)
                ? Files.readAllLines(unmatchedFile, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList()
                : List.of();
        return new Fork(pair, version.side(), sequence, exit, recorded, unmatched);
    }
}
