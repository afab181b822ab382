package io.perfgate.junit;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.internal.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs without the Maven plugin (as from an IDE): the test itself judges its gates. */
class StandaloneModeTest {

    @Test
    void aGateWithinItsBoundPasses() {
        SampleRuns.Outcome outcome = SampleRuns.standalone().run(Passing.class);
        outcome.assertTests(1, 0, 0, 0);
        assertTrue(outcome.stdout().contains("[perfgate] StandaloneModeTest$Passing#fast: 300 invocations (0 failed)"),
                outcome.stdout());
    }

    @Test
    void aViolatedBlockingGateFailsTheTestNamingTheMetricTheValueAndTheBound() {
        SampleRuns.Outcome outcome = SampleRuns.standalone().run(Sleeping.class);
        Throwable failure = outcome.failure();
        assertInstanceOf(AssertionFailedError.class, failure);
        // the same line check prints: verdict, gate, value, bound, test, samples
        assertTrue(Pattern.compile("\\[FAIL] @LatencyGate: p95 = [0-9.]+ ms exceeds the threshold 1 ms \\(StandaloneModeTest\\$Sleeping#sleeps5ms, "
                + "[0-9,]+ samples\\)").matcher(failure.getMessage()).matches(), failure.getMessage());
        assertTrue(Sleeping.calls.get() >= 200, "the defaults gather the 200 samples p95 needs: " + Sleeping.calls.get());
    }

    @Test
    void aWarningLevelGatePassesWithAWarning() {
        SampleRuns.Outcome outcome = SampleRuns.standalone().run(Warning.class);
        outcome.assertTests(1, 0, 0, 0);
        assertTrue(Pattern.compile("\\[perfgate] \\[FAIL] @LatencyGate \\(level WARNING\\): p95 = [0-9.]+ ms exceeds the "
                        + "threshold 1 ms")
                .matcher(outcome.stderr()).find(), outcome.stderr());
    }

    @Test
    void aMalformedBoundFailsBeforeTheBodyRunsNamingTheAnnotationAndTheValue() {
        Malformed.calls.set(0);
        SampleRuns.Outcome outcome = SampleRuns.standalone().run(Malformed.class);
        Throwable failure = outcome.failure();
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("@LatencyGate(p95 = \"200 parsecs\") on StandaloneModeTest$Malformed#create: cannot read "
                + "'200 parsecs': expected a duration such as 750us, 200ms or 1.5s (units: ns, us, ms, s, min)",
                failure.getMessage());
        assertEquals(0, Malformed.calls.get());
    }

    @Test
    void aMalformedWorkloadNamesTheAttribute() {
        Throwable failure = SampleRuns.standalone().run(BadWorkload.class).failure();
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("@PerfTest(duration = \"1s\") on class StandaloneModeTest$BadWorkload, for "
                + "StandaloneModeTest$BadWorkload#run: set invocations or duration, not both (maxDuration caps a run by "
                + "invocations)", failure.getMessage());
    }

    @Test
    void aGateWithoutBoundIsRejected() {
        Throwable failure = SampleRuns.standalone().run(NoBound.class).failure();
        assertEquals("@MemoryGate on StandaloneModeTest$NoBound#run sets no bound; set at least one of "
                + "[heapAfterGc, allocationPerInvocation, gcPause, gcTime, leakPerInvocation, leakPerHour]", failure.getMessage());
    }

    @Test
    void exceptionsFromTheBodyFailTheTestWhenNoErrorRateIsAllowed() {
        Throwable failure = SampleRuns.standalone().run(Throwing.class).failure();
        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().startsWith("[FAIL] no exception allowed (no @ErrorRateGate declared): error rate "
                + "= 25% exceeds the threshold 0% (StandaloneModeTest$Throwing#everyFourthThrows, 100 samples); 25 of 100 "
                + "invocations threw, first: java.lang.IllegalStateException: call 4"), failure.getMessage());
        // what the body threw first is the cause, with its stack trace, for the IDE to show
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("call 4", failure.getCause().getMessage());
        assertEquals(Throwing.class.getName(), failure.getCause().getStackTrace()[0].getClassName());
    }

    @Test
    void whenOnlyALatencyGateFailsTheFirstErrorIsAttachedButIsNotTheCause() {
        Throwable failure = SampleRuns.standalone().run(SlowAndThrowingWithinBound.class).failure();
        assertTrue(failure.getMessage().startsWith("[FAIL] @LatencyGate: max = "), failure.getMessage());
        assertEquals(null, failure.getCause());
        assertEquals(1, failure.getSuppressed().length);
        assertEquals("java.lang.IllegalStateException: call 4", failure.getSuppressed()[0].toString());
    }

    @Test
    void theFailureIsExactlyTheLinesCheckPrints(@TempDir Path results) {
        Throwable failure = SampleRuns.standalone().with(RunSettings.RESULTS_DIRECTORY, results.toString())
                .run(TwoViolations.class).failure();
        List<TestResult> recorded = ResultFiles.readAll(results);
        assertEquals(1, recorded.size());
        // check (CheckSummary) prints GateOutcome.violationLines() of the blocking gates, one per line
        List<String> checkLines = new GateEvaluator(null).evaluate(recorded.get(0)).gates().stream()
                .filter(GateOutcome::blocks).flatMap(gate -> gate.violationLines().stream()).toList();
        assertEquals(2, checkLines.size(), checkLines.toString());
        assertEquals(String.join("\n", checkLines), failure.getMessage());
    }

    @Test
    void allowedErrorsPass() {
        SampleRuns.standalone().run(ThrowingWithinBound.class).assertTests(1, 0, 0, 0);
    }

    @Test
    void severalBlockingViolationsAreAllReported() {
        Throwable failure = SampleRuns.standalone().run(TwoViolations.class).failure();
        String[] lines = failure.getMessage().split("\n");
        assertEquals(2, lines.length, failure.getMessage());
        assertTrue(lines[0].startsWith("[FAIL] @LatencyGate: max = "), lines[0]);
        assertTrue(lines[1].startsWith("[FAIL] @ThroughputGate: throughput = "), lines[1]);
    }

    @Test
    void tooFewSamplesAreInconclusiveAndFailABlockingGateUnlessAllowed() {
        Throwable failure = SampleRuns.standalone().run(TooFewSamples.class, "blocking").failure();
        assertEquals("[INCONCLUSIVE] @LatencyGate: p99 needs at least 1,000 samples, got 50 (StandaloneModeTest$TooFewSamples#blocking, 50 samples): "
                + "raise invocations or duration in @PerfTest, or set allowInconclusive = true", failure.getMessage());
        SampleRuns.standalone().run(TooFewSamples.class, "allowed").assertTests(1, 0, 0, 0);
    }

    @Test
    void anUnknownModeOrProfileIsAConfigurationError() {
        Throwable mode = SampleRuns.standalone().with(RunSettings.MODE, "judge").run(Passing.class).failure();
        assertEquals("perfgate.mode = 'judge' is not a mode; expected record or off (or nothing, to judge in the test "
                + "itself)", mode.getMessage());
        Throwable profile = SampleRuns.standalone().with("perfgate.profile", "quick").run(Passing.class).failure();
        assertEquals("perfgate.profile = 'quick' is not a profile; expected one of [smoke, standard, comprehensive]",
                profile.getMessage());
        Throwable record = SampleRuns.standalone().with(RunSettings.MODE, "record").run(Passing.class).failure();
        assertInstanceOf(ExtensionConfigurationException.class, record);
        assertTrue(record.getMessage().startsWith("perfgate.mode = record needs perfgate.resultsDirectory"));
    }

    @Sample
    static class Passing {
        @Test
        @LatencyGate(p95 = "1s", max = "10s")
        @PerfTest(invocations = 300, warmupInvocations = 10)
        void fast() {
        }
    }

    @Sample
    static class Sleeping {
        static final AtomicLong calls = new AtomicLong();

        @Test
        @LatencyGate(p95 = "1ms")
        void sleeps5ms() throws InterruptedException {
            calls.incrementAndGet();
            Thread.sleep(5);
        }
    }

    @Sample
    static class Warning {
        @Test
        @LatencyGate(p95 = "1ms", level = Level.WARNING)
        @PerfTest(invocations = 200, warmupInvocations = 0)
        void sleeps2ms() throws InterruptedException {
            Thread.sleep(2);
        }
    }

    @Sample
    static class Malformed {
        static final AtomicLong calls = new AtomicLong();

        @Test
        @LatencyGate(p95 = "200 parsecs")
        void create() {
            calls.incrementAndGet();
        }
    }

    @Sample
    @PerfTest(invocations = 10, duration = "1s")
    static class BadWorkload {
        @Test
        @LatencyGate(mean = "1s")
        void run() {
        }
    }

    @Sample
    static class NoBound {
        @Test
        @MemoryGate
        void run() {
        }
    }

    @Sample
    static class Throwing {
        private long calls;

        @Test
        @LatencyGate(p50 = "1s")
        @PerfTest(invocations = 100, warmupInvocations = 0)
        void everyFourthThrows() {
            if (++calls % 4 == 0) {
                throw new IllegalStateException("call " + calls);
            }
        }
    }

    @Sample
    static class ThrowingWithinBound {
        private long calls;

        @Test
        @ErrorRateGate(max = "30%")
        @PerfTest(invocations = 100, warmupInvocations = 0)
        void everyFourthThrows() {
            if (++calls % 4 == 0) {
                throw new IllegalStateException("call " + calls);
            }
        }
    }

    @Sample
    static class SlowAndThrowingWithinBound {
        private long calls;

        @Test
        @LatencyGate(max = "1ns")
        @ErrorRateGate(max = "30%")
        @PerfTest(invocations = 100, warmupInvocations = 0)
        void everyFourthThrows() {
            if (++calls % 4 == 0) {
                throw new IllegalStateException("call " + calls);
            }
        }
    }

    @Sample
    static class TwoViolations {
        @Test
        @LatencyGate(max = "1ns")
        @ThroughputGate(min = "1000000/s")
        @PerfTest(invocations = 20, warmupInvocations = 0)
        void sleeps() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    @Sample
    @PerfTest(invocations = 50, warmupInvocations = 0)
    static class TooFewSamples {
        @Test
        @LatencyGate(p99 = "10s")
        void blocking() {
        }

        @Test
        @LatencyGate(p99 = "10s", allowInconclusive = true)
        void allowed() {
        }
    }
}
