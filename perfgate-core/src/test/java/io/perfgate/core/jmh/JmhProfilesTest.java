package io.perfgate.core.jmh;

import io.perfgate.core.profile.HotMethods;
import io.perfgate.core.profile.ProfileSummary;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.ResultFiles;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: benchmarks are profiled through JMH's JFR profiler, and the profile lands in their results. */
class JmhProfilesTest {
    private static final String BENCH = "io.perfgate.core.jmh.bench.RunnerBench";

    private static BenchmarkDetails details(String benchmark, String mode, Map<String, String> params) {
        return new BenchmarkDetails(benchmark, mode, params, 1, 1, 1, "1 s", 5, "100 ms", 1.0, 0.1, "ops/s", null,
                null, "1.37", null, null, null, null);
    }

    @Test
    void idsAreJmhsOwn() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("size", "10");
        params.put("codec", "a b/c");
        assertEquals("bench.Codec.encode-Throughput-codec-a+b%2Fc-size-10",
                JmhProfiles.id(details("bench.Codec.encode", "thrpt", params)), "parameters in name order, URL-encoded");
        assertEquals("bench.Codec.decode-SampleTime", JmhProfiles.id(details("bench.Codec.decode", "sample", Map.of())));
    }

    @Test
    void aJavaWithoutJcmdOrADirectoryWithASpaceIsNotProfiled(@TempDir Path directory) throws Exception {
        Path jre = Files.createDirectories(directory.resolve("jre/bin"));
        assertTrue(JmhProfiles.unavailable(jre.resolve("java"), directory.resolve("jfr")).orElseThrow()
                .startsWith("the JDK running the benchmarks has no jcmd beside "));

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertTrue(JmhProfiles.unavailable(java, directory.resolve("with space/jfr")).orElseThrow()
                .endsWith("has a space in its path, which jcmd cannot pass to the flight recorder"));
        assertTrue(JmhProfiles.unavailable(java, directory.resolve("jfr")).isEmpty());
    }

    @Test
    void theSettingsFilesAreFlightRecorderSettings(@TempDir Path directory) throws Exception {
        new JmhProfiles(directory).prepare();
        Map<String, String> settings = jdk.jfr.Configuration.create(directory.resolve(JmhProfiles.SETTINGS_FILE))
                .getSettings();
        assertEquals("20 ms", settings.get("jdk.ExecutionSample#period"));
        assertEquals("150/s", settings.get("jdk.ObjectAllocationSample#throttle"));
        assertEquals("true", settings.get("jdk.JavaMonitorEnter#stackTrace"));
        assertEquals(Map.of(), jdk.jfr.Configuration.create(directory.resolve(JmhProfiles.EMPTY_SETTINGS_FILE))
                .getSettings());
    }

    @Test
    void aRealJmhRunIsProfiledFromItsBenchmarkMethodAndTheRecordingIsDeletedOrKept(@TempDir Path directory)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        JmhProfiles profiles = new JmhProfiles(directory.resolve("jfr")).prepare();
        JmhRunner runner = new JmhRunner(java, List.of("-Djava.io.tmpdir=" + directory), classpath, directory,
                directory, Duration.ofMinutes(2)).withProfiles(profiles);
        JmhCommand command = new JmhCommand(List.of(BENCH + ".multiply"), List.of());

        List<String> console = new ArrayList<>();
        JmhRunner.Finished finished = runner.run(command, new JmhSettings(1, 1, "200ms", 3, "300ms", null), false,
                List.of(), console::add);

        assertEquals(0, finished.exitCode(), finished.tail().toString());
        List<TestResult> results = JmhResults.convert(JmhResultReader.read(runner.resultFile()), finished.failures(),
                List.of(BENCH + ".multiply"), name -> List.of(), "test", Instant.now());
        assertEquals(2, results.size());
        assertTrue(results.get(0).environment().jvmArguments().stream()
                .anyMatch(option -> option.startsWith("-XX:StartFlightRecording=settings=")),
                "each fork sets the flight recorder up when it starts: " + results.get(0).environment().jvmArguments());

        Path resultsDirectory = directory.resolve("results");
        List<String> warnings = new ArrayList<>();
        List<TestResult> profiled = profiles.attach(results.subList(0, 1), resultsDirectory, false, warnings::add);
        ProfileSummary profile = profiled.get(0).measurement().profile();
        assertTrue(profile.executionSamples() > 10, "samples: " + profile.executionSamples());
        assertEquals(List.of(), warnings);
        String top = HotMethods.topLine(profile, 3);
        assertTrue(top.contains("RunnerBench.multiply"), top);
        assertNull(profile.recordingFile());
        assertEquals(3 * 300_000_000L, profile.durationNanos(), "the measured iterations of a fork");
        assertFalse(Files.exists(directory.resolve("jfr").resolve(JmhProfiles.id(results.get(0).benchmark()))
                .resolve("profile.jfr")), "read, then deleted");

        TestResult kept = profiles.attach(results.subList(1, 2), resultsDirectory, true, warnings::add).get(0);
        String name = kept.measurement().profile().recordingFile();
        Path json = ResultFiles.fileFor(resultsDirectory, kept.id());
        assertEquals(json.getFileName().toString().replace(".json", ".jfr"), name);
        assertTrue(Files.isRegularFile(resultsDirectory.resolve(name)), "moved beside the result file");
        assertTrue(kept.measurement().profile().executionSamples() > 10);
    }

    @Test
    void aBenchmarkWithoutARecordingIsLeftAsItIs(@TempDir Path directory) throws Exception {
        TestResult failed = JmhResults.convert(List.of(), List.of(new JmhOutputMonitor.BenchmarkFailure(
                BENCH + ".failing", BenchmarkMode.AVERAGE_TIME, "factor = 2", Map.of("factor", "2"), "broken")),
                List.of(BENCH + ".failing"), name -> List.of(), "test", Instant.now()).get(0);
        List<TestResult> same = new JmhProfiles(directory).prepare().attach(List.of(failed), directory, false,
                line -> { });
        assertEquals(List.of(failed), same);
    }
}
