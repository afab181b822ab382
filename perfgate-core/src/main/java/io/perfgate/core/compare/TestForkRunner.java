package io.perfgate.core.compare;

import io.perfgate.core.fork.JvmFork;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fork of compare's gated JUnit tests: a child JVM on the version's test class path running
 * perfgate-junit's {@code ForkMain} with the tests' ids, which records each test's result in the fork's directory.
 *
 * @param java               the launcher of the forks (the JDK the build runs on)
 * @param jvmArguments       options every fork gets, before perfgate's own
 * @param recordingArguments perfgate's options for a fork writing results to the given directory
 * @param forkTimeout        the time limit of one fork
 * @param launcherClasspath  what ForkMain needs beyond the tests' class path (perfgate-junit, JUnit's launcher),
 *                           each entry preceded by the path separator; empty when the tests have it
 */
public record TestForkRunner(Path java, List<String> jvmArguments, Function<Path, List<String>> recordingArguments,
                             Duration forkTimeout, String launcherClasspath) implements InterleavedRuns.ForkRunner {

    /** The child-JVM entry point in perfgate-junit. */
    public static final String FORK_MAIN = "io.perfgate.junit.fork.ForkMain";
    private static final String UNMATCHED_OPTION = "--unmatched=";

    public TestForkRunner {
        jvmArguments = List.copyOf(jvmArguments);
    }

    @Override
    public InterleavedRuns.Fork run(int pair, int sequence, InterleavedRuns.Version version, List<String> tests,
                                    boolean probe, Path directory) throws IOException, InterruptedException {
        Path results = directory.resolve("results");
        Files.createDirectories(results);
        Path unmatchedFile = directory.resolve("unmatched.txt");
        List<String> arguments = new ArrayList<>(jvmArguments);
        arguments.addAll(recordingArguments.apply(results));
        List<String> mainArguments = new ArrayList<>();
        if (probe) {
            mainArguments.add(UNMATCHED_OPTION + unmatchedFile.toAbsolutePath());
        }
        mainArguments.addAll(tests);
        JvmFork fork = new JvmFork(java, arguments, version.classpath() + launcherClasspath, FORK_MAIN,
                mainArguments, version.workingDirectory(), directory.resolve("fork.log"), forkTimeout);
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
                ? Files.readAllLines(unmatchedFile, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank()).toList()
                : List.of();
        return new InterleavedRuns.Fork(pair, version.side(), sequence, exit, recorded, unmatched);
    }
}
