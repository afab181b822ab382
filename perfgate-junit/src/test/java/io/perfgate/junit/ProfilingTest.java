package io.perfgate.junit;

import io.perfgate.core.profile.HotMethods;
import io.perfgate.core.profile.ProfileSummary;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every gated test is profiled with JFR by default; the recording itself is kept on failure or on request. */
class ProfilingTest {

    @TempDir
    Path results;

    @Test
    void aGatedTestCarriesTheSummaryOfItsProfileAndNoRecordingWhenItPasses() throws IOException {
        SampleRuns.recording(results).run(Working.class, "passes").assertTests(1, 0, 0, 0);

        ProfileSummary profile = single().measurement().profile();
        assertNotNull(profile, "profiled by default");
        assertTrue(profile.executionSamples() > 0, "samples: " + profile.executionSamples());
        assertEquals("ProfilingTest$Working.work", HotMethods.bySelf(profile, 1).get(0).shortName(), HotMethods.of(profile).toString());
        assertNull(profile.recordingFile());
        assertEquals(List.of(), recordings());
    }

    @Test
    void aTestThatFailsItsGateKeepsItsRecordingBesideTheResult() throws IOException {
        SampleRuns.recording(results).run(Working.class, "fails").assertTests(1, 0, 0, 0);

        TestResult result = single();
        String json = ResultFiles.fileFor(results, result.id()).getFileName().toString();
        String jfr = json.replace(".json", ".jfr");
        assertEquals(jfr, result.measurement().profile().recordingFile());
        assertEquals(List.of(results.resolve(jfr)), recordings());
    }

    @Test
    void keepProfilesKeepsTheRecordingOfAPassingTest() throws IOException {
        SampleRuns.recording(results).with(ProfileRecording.KEEP, "true").run(Working.class, "passes")
                .assertTests(1, 0, 0, 0);

        assertNotNull(single().measurement().profile().recordingFile());
        assertEquals(1, recordings().size());
    }

    @Test
    void profilingCanBeSwitchedOff() throws IOException {
        SampleRuns.recording(results).with(ProfileRecording.PROFILING, "false").run(Working.class, "fails")
                .assertTests(1, 0, 0, 0);

        assertNull(single().measurement().profile());
        assertEquals(List.of(), recordings());
    }

    private TestResult single() {
        List<TestResult> all = ResultFiles.readAll(results);
        assertEquals(1, all.size(), () -> "results: " + all);
        return all.get(0);
    }

    private List<Path> recordings() throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jfr")).toList();
        }
    }

    @Sample
    static class Working {
        static volatile double sink;

        static void work() {
            double sum = 0;
            for (int i = 0; i < 50_000; i++) {
                sum += Math.sqrt(i + sink);
            }
            sink = sum;
        }

        @Test
        @LatencyGate(p50 = "10s")
        @PerfTest(invocations = 3000, warmupInvocations = 200)
        void passes() {
            work();
        }

        @Test
        @LatencyGate(p50 = "1ns")
        @PerfTest(invocations = 3000, warmupInvocations = 200)
        void fails() {
            work();
        }
    }
}
