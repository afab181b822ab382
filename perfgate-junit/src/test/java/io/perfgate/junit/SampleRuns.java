package io.perfgate.junit;

import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.internal.RunSettings;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs sample test classes on the Jupiter engine in this JVM, in a chosen perfgate mode, on the smoke profile. */
public final class SampleRuns {

    /** What a sample run produced. */
    public record Outcome(EngineExecutionResults results, String stdout, String stderr) {

        public List<Event> failed() {
            return results.testEvents().failed().list();
        }

        /** The failure of the only failed test. */
        public Throwable failure() {
            List<Event> failed = failed();
            assertEquals(1, failed.size(), () -> "failed tests: " + failed);
            return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        }

        public void assertTests(long succeeded, long failed, long aborted, long skipped) {
            results.testEvents().assertStatistics(stats -> stats.succeeded(succeeded).failed(failed).aborted(aborted)
                    .skipped(skipped));
        }
    }

    private final Map<String, String> parameters = new HashMap<>();

    private SampleRuns() {
        parameters.put(Sample.PARAMETER, "true");
        parameters.put("perfgate.profile", "smoke");
    }

    /** An IDE run: no perfgate.mode, nothing recorded. */
    public static SampleRuns standalone() {
        return new SampleRuns();
    }

    /** A run under the Maven plugin's prepare goal. */
    public static SampleRuns recording(Path results) {
        return new SampleRuns().with(RunSettings.MODE, "record").with(RunSettings.RESULTS_DIRECTORY, results.toString());
    }

    public SampleRuns with(String parameter, String value) {
        parameters.put(parameter, value);
        return this;
    }

    public Outcome run(Class<?> sample) {
        return run(DiscoverySelectors.selectClass(sample));
    }

    public Outcome run(Class<?> sample, String method) {
        return run(DiscoverySelectors.selectMethod(sample, method));
    }

    private Outcome run(org.junit.platform.engine.DiscoverySelector selector) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .selectors(selector)
                    .configurationParameters(parameters)
                    .execute();
            return new Outcome(results, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(capturedOut.toString(StandardCharsets.UTF_8));
            err.print(capturedErr.toString(StandardCharsets.UTF_8));
        }
    }

    /** Every result in a directory, by method name (with the display name for repeated methods). */
    public static Map<String, TestResult> resultsByMethod(Path results) {
        return ResultFiles.readAll(results).stream()
                .collect(Collectors.toMap(result -> result.methodName().equals(result.displayName().replace("()", ""))
                        ? result.methodName() : result.methodName() + " " + result.displayName(), result -> result));
    }
}
