package io.perfgate.core.jmh;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs real JMH on the benchmarks in io.perfgate.core.jmh.bench, with settings of a fraction of a second. */
class JmhRunnerTest {
    private static final String BENCH = "io.perfgate.core.jmh.bench.RunnerBench";
    // two iterations: JMH gives no error, and so perfgate no verdict, for one
    private static final JmhSettings QUICK = new JmhSettings(1, 0, "100ms", 2, "100ms", null);

    /**
     * JMH's lock lives in the launcher's temporary directory; a directory of the test's own keeps these
     * functional runs from waiting for JMH runs elsewhere on the machine (they measure nothing that matters).
     */
    private static JmhRunner runner(Path directory, Duration timeout) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        return new JmhRunner(java, List.of("-Djava.io.tmpdir=" + directory), classpath, directory, directory, timeout);
    }

    private static String verdictOf(TestResult result) {
        Verdict verdict = CheckReport.of("t", null, List.of(result)).tests().get(0).verdict();
        return result.gates().isEmpty() || verdict == Verdict.FAIL ? verdict.name() : "not FAIL";
    }

    @Test
    void listsRunsAndConvertsRealBenchmarksIncludingOneThatThrows(@TempDir Path directory) {
        JmhRunner runner = runner(directory, Duration.ofMinutes(2));
        JmhCommand command = new JmhCommand(List.of(BENCH), List.of());

        List<String> listed = runner.list(command);
        assertEquals(List.of(BENCH + ".failing", BENCH + ".multiply"), listed.stream().sorted().toList());

        List<String> console = new ArrayList<>();
        JmhRunner.Finished finished = runner.run(command, QUICK, false, List.of("-Xmx64m"), console::add);

        assertEquals(0, finished.exitCode(), "JMH carries on past a failing benchmark: " + finished.tail());
        assertFalse(finished.timedOut());
        assertEquals(1, finished.failures().size(), finished.failures().toString());
        assertTrue(console.stream().anyMatch(line -> line.contains("<failure>")));
        assertTrue(Files.isRegularFile(runner.outputFile()));

        assertEquals(CpuWaitProfiler.class.getName(), JmhRunner.CPU_WAIT_PROFILER);
        // every run measures its iterations' CPU wait, which the steady-state check takes out (Linux only)
        JmhRun measured = JmhResultReader.read(runner.resultFile()).stream()
                .filter(run -> run.benchmark().endsWith("multiply")).findFirst().orElseThrow();
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            List<List<Double>> waits = measured.secondaryMetrics().get(JmhRun.CPU_WAIT).rawData();
            assertEquals(measured.primaryMetric().rawData().stream().map(List::size).toList(),
                    waits.stream().map(List::size).toList(), "a wait share for every measured iteration");
            assertTrue(waits.stream().flatMap(List::stream).allMatch(share -> share >= 0 && share <= 1), waits::toString);
        }

        GateDeclaration fast = new GateDeclaration("ThroughputGate", Level.BLOCKING, false, "method RunnerBench#multiply",
                Map.of("min", "1/s"), null);
        List<TestResult> results = JmhResults.convert(JmhResultReader.read(runner.resultFile()), finished.failures(),
                listed, name -> name.endsWith("multiply") ? List.of(fast) : List.of(), "test", Instant.now());

        // on a loaded machine two short iterations may leave the gate without a verdict; never with a FAIL
        assertEquals(List.of(BENCH + ".multiply [factor=1] not FAIL", BENCH + ".multiply [factor=2] not FAIL",
                        BENCH + ".failing [factor=1] PASS", BENCH + ".failing [factor=2] FAIL"),
                results.stream().map(result -> result.benchmark().benchmark() + " [" + result.benchmark().paramsText()
                        + "] " + verdictOf(result)).toList());
        TestResult multiply = results.get(0);
        assertEquals(List.of(fast), multiply.gates());
        assertEquals("ops/ms", multiply.benchmark().scoreUnit());
        // the forks' options are recorded: the launcher's own (JMH copies them) and the appended one
        assertEquals(List.of("-Djava.io.tmpdir=" + directory, "-Xmx64m"), multiply.environment().jvmArguments());
        assertEquals(1, multiply.measurement().rounds().size(), "one round per fork");
        assertNull(multiply.benchmark().failure());
        TestOutcome failing = CheckReport.of("t", null, List.of(results.get(3))).tests().get(0);
        assertEquals(Verdict.FAIL, failing.verdict());
        assertTrue(failing.gates().get(0).violationMessages().get(0).contains(
                "java.lang.IllegalStateException: broken on purpose for factor 2"));
    }

    @Test
    void aPatternThatMatchesNothingEndsWithJmhsOwnWords(@TempDir Path directory) throws Exception {
        JmhRunner runner = runner(directory, Duration.ofMinutes(1));
        JmhCommand nothing = new JmhCommand(List.of("NoSuchBenchmarkAnywhere"), List.of());

        assertEquals(List.of(), runner.list(nothing));
        JmhRunner.Finished finished = runner.run(nothing, QUICK, false, List.of(), line -> { });

        assertEquals(1, finished.exitCode());
        assertTrue(finished.tail().contains("No matching benchmarks. Miss-spelled regexp?"), finished.tail().toString());
        assertTrue(Files.readString(runner.outputFile()).contains("No matching benchmarks"));
    }

    @Test
    void waitsWhileAnotherJmhRunHoldsJmhsLock(@TempDir Path directory) throws Exception {
        List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
        JmhRunner.Finished finished;
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(directory.resolve("jmh.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.lock();
            // released once JMH has said it waits, however long a busy machine takes to start its JVM
            Thread release = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
                    while (console.stream().noneMatch(line -> line.contains("another JMH run holds JMH's lock"))
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    lock.release();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            finished = runner(directory, Duration.ofMinutes(2)).run(new JmhCommand(List.of(BENCH + ".multiply"),
                    List.of()), QUICK, false, List.of(), console::add);
            release.join();
        }

        assertEquals(0, finished.exitCode(), finished.tail().toString());
        assertEquals(1, console.stream().filter(line -> line.contains("another JMH run holds JMH's lock")).count());
        assertTrue(console.stream().noneMatch(line -> line.contains("Unable to acquire the JMH lock")),
                "refused starts are not shown");
        assertEquals(2, JmhResultReader.read(directory.resolve(JmhRunner.RESULT_FILE)).size());
    }

    @Test
    void theTimeoutStopsJmhAndItsForks(@TempDir Path directory) {
        JmhSettings long_ = new JmhSettings(1, 0, "1s", 60, "1s", null);

        JmhRunner.Finished finished = runner(directory, Duration.ofMillis(1500))
                .run(new JmhCommand(List.of(BENCH + ".multiply"), List.of()), long_, false, List.of(), line -> { });

        assertTrue(finished.timedOut());
        assertTrue(finished.exitCode() != 0);
        assertThrows(JmhResultException.class, () -> JmhResultReader.read(directory.resolve(JmhRunner.RESULT_FILE)),
                "a stopped run leaves no usable JSON");
    }

    @Test
    void anUnfinishedRunSaysWhyWithItsLastLinesAndAFinishedOneNothing(@TempDir Path directory) {
        JmhRunner runner = runner(directory, Duration.ofSeconds(90));
        List<String> tail = List.of("# Fork: 1 of 2", "<JMH had finished, but forked VM did not exit>");
        assertTrue(new JmhRunner.Finished(0, false, List.of(), tail).problem("JMH", runner).isEmpty());

        String exited = new JmhRunner.Finished(1, false, List.of(), tail).problem("JMH", runner).orElseThrow();
        assertTrue(exited.startsWith("JMH exited with code 1. Its last lines:" + System.lineSeparator()
                + "# Fork: 1 of 2" + System.lineSeparator()), exited);
        assertTrue(exited.endsWith("(all of its output: " + runner.outputFile() + ")"), exited);

        String timedOut = new JmhRunner.Finished(-1, true, List.of(), tail)
                .problem("JMH's warmup retry [bench.X]", runner).orElseThrow();
        assertTrue(timedOut.startsWith("JMH's warmup retry [bench.X] did not finish within 90 s and was stopped"),
                timedOut);
        assertTrue(timedOut.contains("raise perfgate.jmh.timeout"), timedOut);
    }

    @Test
    void theCpuWaitProfilerRunsOnlyWhereItsClassCanBeLoaded(@TempDir Path directory) throws Exception {
        Path jdk8 = directory.resolve("jdk8");
        Files.createDirectories(jdk8.resolve("bin"));
        Files.writeString(jdk8.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"1.8.0_432\"\n");
        Path jdk11 = directory.resolve("jdk11");
        Files.createDirectories(jdk11.resolve("bin"));
        Files.writeString(jdk11.resolve("release"), "JAVA_VERSION=\"11.0.25\"\n");
        Path jdk25 = directory.resolve("jdk25");
        Files.createDirectories(jdk25.resolve("bin"));
        Files.writeString(jdk25.resolve("release"), "JAVA_VERSION=\"25\"\n");
        Duration minute = Duration.ofMinutes(1);
        assertFalse(new JmhRunner(jdk8.resolve("bin/java"), List.of(), List.of(), directory, directory, minute)
                .runsJava17OrLater());
        assertFalse(new JmhRunner(jdk11.resolve("bin/java"), List.of(), List.of(), directory, directory, minute)
                .runsJava17OrLater());
        assertTrue(new JmhRunner(jdk25.resolve("bin/java"), List.of(), List.of(), directory, directory, minute)
                .runsJava17OrLater());
        assertTrue(new JmhRunner(directory.resolve("elsewhere/bin/java"), List.of(), List.of(), directory, directory,
                minute).runsJava17OrLater(), "no release file: Maven's own Java is the usual case");
    }
}
