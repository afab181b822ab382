package io.perfgate.junit;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.internal.RunSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs as under the Maven plugin's prepare goal: results are written, verdicts deferred to check. */
class RecordModeTest {

    @TempDir
    Path results;

    @Test
    void writesTheDeclarationBeforeMeasuringAndTheMeasurementAfter() {
        Violating.results = results;
        Violating.statusWhileMeasuring = null;
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(Violating.class);

        outcome.assertTests(1, 0, 0, 0); // never fails on a gate verdict: check decides at verify
        assertEquals(ResultStatus.DECLARED, Violating.statusWhileMeasuring);
        TestResult result = single();
        assertEquals(ResultStatus.COMPLETED, result.status());
        assertEquals("junit", result.kind().fileName());
        assertEquals(Violating.class.getName(), result.className());
        assertEquals("sleeps", result.methodName());
        assertEquals("sleeps()", result.displayName());
        assertTrue(result.id().contains("method:sleeps()"), result.id());
        assertEquals(ResultFiles.fileFor(results, result.id()).getFileName().toString(),
                onlyFile().getFileName().toString(), "named from the unique id");
        assertEquals(List.of(new GateDeclaration("LatencyGate", Level.BLOCKING, false, "RecordModeTest$Violating#sleeps",
                Map.of("p50", "1ns"), null)), result.gates());
        assertEquals(20, result.measurement().invocations());
        assertEquals("smoke", result.workload().profile());
        assertEquals(20, result.workload().invocations());
        assertEquals(20, LatencyHistogram.decode(result.measurement().latencyHistogram()).count());
        assertEquals(5, result.measurement().rounds().size(), "the smoke profile's rounds");
        assertNotNull(result.environment());
        assertTrue(outcome.stdout().isEmpty() && outcome.stderr().isEmpty(), "record mode judges nothing: "
                + outcome.stdout() + outcome.stderr());
    }

    @Test
    void withoutAWorkloadTheDefaultsGatherTheSamplesThePercentilesNeed() {
        SampleRuns.recording(results).run(Defaults.class).assertTests(1, 0, 0, 0);
        Measurement measurement = single().measurement();
        assertTrue(LatencyHistogram.decode(measurement.latencyHistogram()).count() >= 1000,
                "p99 needs 1,000 samples; got " + measurement.invocations());
        assertTrue(measurement.durationNanos() >= 300_000_000L, "the smoke profile measures at least 300 ms");
        assertEquals(0, single().workload().invocations());
    }

    @Test
    void exceptionsAreCountedPerClassAndKeptOutOfTheLatency() {
        SampleRuns.recording(results).run(Throwing.class).assertTests(1, 0, 0, 0);
        Measurement measurement = single().measurement();
        assertEquals(100, measurement.invocations());
        assertEquals(25 + 5, measurement.errors());
        assertEquals(Map.of("java.lang.IllegalStateException", 25L, "java.lang.AssertionError", 5L),
                measurement.errorsByKind());
        assertEquals("java.lang.IllegalStateException: call 4", measurement.firstError());
        assertEquals(70, LatencyHistogram.decode(measurement.latencyHistogram()).count());
    }

    @Test
    void severalThreadsShareTheInvocations() {
        Threads.calls.set(0);
        Threads.threads.clear();
        SampleRuns.recording(results).run(Threads.class).assertTests(1, 0, 0, 0);
        assertEquals(1000, Threads.calls.get());
        assertEquals(2, Threads.threads.size());
        assertEquals(1000, single().measurement().invocations());
        assertEquals(2, single().workload().threads());
    }

    @Test
    void beforeEachAndAfterEachRunOnceAroundTheWholeMeasurement() {
        Fixtures.before.set(0);
        Fixtures.after.set(0);
        Fixtures.calls.set(0);
        SampleRuns.recording(results).run(Fixtures.class).assertTests(1, 0, 0, 0);
        assertEquals(1, Fixtures.before.get());
        assertEquals(1, Fixtures.after.get());
        assertEquals(60, Fixtures.calls.get(), "10 warmup and 50 measured invocations");
    }

    @Test
    void eachParameterizedAndRepeatedInvocationIsItsOwnResult() {
        Parameterized.calls.clear();
        SampleRuns.recording(results).run(Parameterized.class).assertTests(5, 0, 0, 0);
        Map<String, TestResult> byName = SampleRuns.resultsByMethod(results);
        assertEquals(5, byName.size(), byName.keySet().toString());
        assertEquals(Map.of(1, 10L, 2, 10L, 3, 10L), Parameterized.calls);
        TestResult second = byName.get("sized [2] 2");
        assertNotNull(second, byName.keySet().toString());
        assertEquals(ResultStatus.COMPLETED, second.status());
        assertEquals(10, second.measurement().invocations());
        assertEquals("RecordModeTest$Parameterized#sized(int) [[2] 2]", second.label());
        assertEquals(5, byName.values().stream().map(TestResult::id).distinct().count());
        assertNotNull(byName.get("repeated repetition 2 of 2"), byName.keySet().toString());
    }

    @Test
    void disabledAndAbortedTestsAreRecordedAsSkipped() {
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(Skipping.class);
        outcome.assertTests(0, 0, 2, 1);
        Map<String, TestResult> byName = SampleRuns.resultsByMethod(results);
        assertEquals(3, byName.size(), byName.keySet().toString());

        TestResult disabled = byName.get("disabled");
        assertEquals(ResultStatus.SKIPPED, disabled.status());
        assertEquals("disabled: not today", disabled.statusReason());
        assertEquals("LatencyGate", disabled.gates().get(0).gate());

        TestResult abortedInBody = byName.get("assumptionFailsInBody");
        assertEquals(ResultStatus.SKIPPED, abortedInBody.status());
        assertEquals("aborted: Assumption failed: no database here", abortedInBody.statusReason());
        assertNull(abortedInBody.measurement());
        assertEquals(1, Skipping.bodyCalls.get(), "an abort on the first invocation stops the run");

        TestResult abortedBefore = byName.get("assumptionFailsBeforeEach");
        assertEquals(ResultStatus.SKIPPED, abortedBefore.status());
        assertEquals("aborted: Assumption failed: not on this machine", abortedBefore.statusReason());
    }

    @Test
    void aTestFailingBeforeItIsMeasuredLeavesItsDeclaration() {
        SampleRuns.recording(results).run(FailingSetUp.class).assertTests(0, 1, 0, 0);
        TestResult result = single();
        assertEquals(ResultStatus.DECLARED, result.status(), "check reports a declared gate without a measurement");
        assertEquals("it failed before it was measured: java.lang.IllegalStateException: no connection; see the"
                + " test's failure in the test report", result.statusReason());
        TestOutcome outcome = new GateEvaluator(null).evaluate(result);
        assertTrue(outcome.blocks());
        assertEquals(List.of("[FAIL] RecordModeTest$FailingSetUp#measured recorded no measurement, so "
                + "@LatencyGate cannot be judged: it failed before it was measured: java.lang.IllegalStateException: no "
                + "connection; see the test's failure in the test report"), outcome.gates().get(0).violationLines());
    }

    @Test
    void aMalformedBoundFailsTheTestAndIsRecordedAsWrittenSoCheckFailsOnItToo() {
        Malformed.calls.set(0);
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(Malformed.class);
        outcome.assertTests(0, 1, 0, 0);
        String rejection = "@LatencyGate(p95 = \"200 parsecs\") on RecordModeTest$Malformed#create: cannot read "
                + "'200 parsecs': expected a duration such as 750us, 200ms or 1.5s (units: ns, us, ms, s, min)";
        assertInstanceOf(ExtensionConfigurationException.class, outcome.failure());
        assertEquals(rejection, outcome.failure().getMessage());
        assertEquals(0, Malformed.calls.get());

        // under -Dmaven.test.failure.ignore=true only check stands between this test and a green build
        TestResult result = single();
        assertEquals(ResultStatus.DECLARED, result.status());
        assertNull(result.measurement());
        assertEquals(List.of(new GateDeclaration("LatencyGate", Level.BLOCKING, false, "RecordModeTest$Malformed#create",
                Map.of("p95", "200 parsecs", "max", "1s"), null)), result.gates());
        TestOutcome judged = new GateEvaluator(null).evaluate(result);
        assertEquals(Verdict.FAIL, judged.verdict());
        assertTrue(judged.blocks());
        assertEquals(List.of("[FAIL] " + rejection), judged.gates().get(0).violationLines());
    }

    @Test
    void aBodyThatAlwaysThrowsStopsEarlyAndFailsTheTestWithTheFirstExceptionAsCause() {
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(AlwaysThrowing.class);
        outcome.assertTests(0, 1, 0, 0); // a functional failure is never deferred: surefire's XML agrees with check
        Throwable failure = outcome.failure();
        assertInstanceOf(AssertionFailedError.class, failure);
        assertEquals("RecordModeTest$AlwaysThrowing#fails: 1,000 of 1,000 measured invocations threw and no"
                + " @ErrorRateGate allows errors; the first is the cause", failure.getMessage());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("no database", failure.getCause().getMessage());

        // still recorded for check
        Measurement measurement = single().measurement();
        assertEquals(ResultStatus.COMPLETED, single().status());
        assertEquals(1000, measurement.invocations(), "p99 asks for 1,000 successes: without the stop it ran to the cap");
        assertEquals(1000, measurement.errors());
        assertEquals("java.lang.IllegalStateException: no database", measurement.firstError());
        String stderr = outcome.stderr();
        assertTrue(stderr.contains("[perfgate] RecordModeTest$AlwaysThrowing#fails: stopped measuring after its first "
                + "1,000 invocations all threw"), stderr);
        assertFalse(stderr.contains("reached its cap"), stderr);
        assertFalse(stderr.contains("the first:"), "the trace is the failure's cause, not printed too: " + stderr);

        TestOutcome judged = new GateEvaluator(null).evaluate(single());
        assertTrue(judged.blocks());
    }

    @Test
    void errorsAnErrorRateGateAllowsAreLeftToCheckWithTheFirstTracePrintedOnce() {
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(ThrowingBeyondItsGate.class);
        outcome.assertTests(1, 0, 0, 0); // the gate's verdict (20 % > 1 %) is check's to give
        assertEquals(2, single().measurement().errors());
        String stderr = outcome.stderr();
        assertTrue(stderr.contains("[perfgate] RecordModeTest$ThrowingBeyondItsGate#sometimes: 2 of 10 measured"
                + " invocations threw; the first:" + System.lineSeparator() + "java.lang.IllegalStateException: call 5"
                + System.lineSeparator() + "\tat io.perfgate.junit.RecordModeTest$ThrowingBeyondItsGate.sometimes("),
                stderr);
        assertEquals(1, stderr.split("the first:", -1).length - 1, stderr);
        assertTrue(new GateEvaluator(null).evaluate(single()).blocks());
    }

    @Test
    void aStatefulBodyFailsInSurefireWithSetupOncePerTest() {
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(Stateful.class, "perTest");
        outcome.assertTests(0, 1, 0, 0);
        assertEquals("the flag @BeforeEach sets ==> expected: <true> but was: <false>",
                outcome.failure().getCause().getMessage());
        // only the first (warmup) invocation finds the flag set
        assertEquals(40, single().measurement().errors());
        assertEquals(40, single().measurement().invocations());
    }

    @Test
    void perInvocationSetupRunsBeforeEachAndAfterEachAroundEveryInvocationInJUnitsOrder() {
        Stateful.log.clear();
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(Stateful.class, "perInvocation");
        outcome.assertTests(1, 0, 0, 0);
        Measurement measurement = single().measurement();
        assertEquals(0, measurement.errors());
        assertEquals(40, measurement.invocations());
        // 10 warmup + 40 measured invocations, each between one setup and one teardown
        assertEquals(50, Stateful.log.stream().filter("body"::equals).count());
        List<String> expectedCycle = List.of("base before", "before", "body", "after", "base after");
        for (int i = 0; i < 50; i++) {
            assertEquals(expectedCycle, Stateful.log.subList(i * 5, i * 5 + 5), "invocation " + i);
        }
        assertEquals(250, Stateful.log.size());
    }

    @Test
    void perInvocationSetupIsKeptOutOfTheMeasuredTime() {
        SampleRuns.recording(results).run(SlowSetUp.class).assertTests(1, 0, 0, 0);
        Measurement measurement = single().measurement();
        LatencyHistogram latency = LatencyHistogram.decode(measurement.latencyHistogram());
        assertEquals(30, latency.count());
        // the setup sleeps 20 ms before each invocation; the body does nothing (margins for a loaded machine)
        assertTrue(latency.summary().p50() < 10_000_000L, "p50 " + latency.summary().p50() + " ns includes the setup");
        assertTrue(measurement.durationNanos() < 30 * 10_000_000L, "duration " + measurement.durationNanos()
                + " ns includes the setup (30 x 20 ms = 600 ms)");
    }

    @Test
    void perInvocationSetupRejectsWhatItCannotHonour() {
        Throwable threads = SampleRuns.recording(results).run(SetupMisuse.class, "threads").failure();
        assertInstanceOf(ExtensionConfigurationException.class, threads);
        assertEquals("@PerfTest(setup = PER_INVOCATION, threads = 2) on RecordModeTest$SetupMisuse#threads: a setup"
                + " between invocations needs threads = 1, since every thread shares the one test instance its"
                + " @BeforeEach prepares", threads.getMessage());

        Throwable parameters = SampleRuns.recording(results).run(SetupWithParameters.class).failure();
        assertInstanceOf(ExtensionConfigurationException.class, parameters);
        assertEquals("@PerfTest(setup = PER_INVOCATION) on RecordModeTest$SetupWithParameters#measured calls"
                + " @BeforeEach SetupWithParameters#setUp itself between invocations and cannot pass it parameters;"
                + " take none there (keep what you need in fields), or use setup = PER_TEST", parameters.getMessage());
    }

    @Test
    void aSetupThatThrowsBetweenInvocationsFailsTheTestAndSaysSoForCheck() {
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(SetupFailsLater.class);
        outcome.assertTests(0, 1, 0, 0);
        assertEquals("pool exhausted", outcome.failure().getMessage());
        assertEquals(ResultStatus.DECLARED, single().status());
        assertEquals("its per-invocation setup threw: java.lang.IllegalStateException: pool exhausted; see the test's"
                + " failure in the test report", single().statusReason());
    }

    @Test
    void aMemoryGateMeasuresAllocationAndHeap() {
        SampleRuns.recording(results).run(Allocating.class).assertTests(1, 0, 0, 0);
        var memory = single().measurement().memory();
        assertNotNull(memory);
        assertTrue(memory.allocatedBytesPerInvocation() >= 4096 && memory.allocatedBytesPerInvocation() < 4096 * 1.1,
                "allocated " + memory.allocatedBytesPerInvocation());
        assertTrue(memory.heapAfterGcBytes() > 0);
        assertNotNull(memory.gcCount());
    }

    @Test
    void withoutMemoryGateNoMemoryIsMeasured() {
        SampleRuns.recording(results).run(Violating.class).assertTests(1, 0, 0, 0);
        assertNull(single().measurement().memory());
    }

    @Test
    void theIdeModeAlsoWritesResultsWhenADirectoryIsGiven() {
        SampleRuns.standalone().with(RunSettings.RESULTS_DIRECTORY, results.toString()).run(Violating.class)
                .assertTests(0, 1, 0, 0);
        assertEquals(ResultStatus.COMPLETED, single().status());
    }

    private TestResult single() {
        List<TestResult> all = ResultFiles.readAll(results);
        assertEquals(1, all.size(), () -> "results: " + all);
        return all.get(0);
    }

    /** The only result file (a failing test's profile recording may lie beside it: see ProfilingTest). */
    private Path onlyFile() {
        try (Stream<Path> files = Files.list(results)) {
            List<Path> list = files.filter(file -> !file.getFileName().toString().endsWith(".jfr")).toList();
            assertEquals(1, list.size(), list::toString);
            return list.get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Sample
    static class Violating {
        static Path results;
        static ResultStatus statusWhileMeasuring;

        @Test
        @LatencyGate(p50 = "1ns")
        @PerfTest(invocations = 20, warmupInvocations = 0)
        void sleeps() throws InterruptedException {
            if (statusWhileMeasuring == null && results != null) {
                statusWhileMeasuring = ResultFiles.readAll(results).get(0).status();
            }
            Thread.sleep(1);
        }
    }

    @Sample
    static class Defaults {
        @Test
        @LatencyGate(p99 = "1s")
        void fast() {
        }
    }

    @Sample
    static class Throwing {
        private long calls;

        @Test
        @ErrorRateGate(max = "1%")
        @PerfTest(invocations = 100, warmupInvocations = 0)
        void throwsSometimes() {
            calls++;
            if (calls % 4 == 0) {
                throw new IllegalStateException("call " + calls);
            }
            if (calls % 10 == 1 && calls > 50) {
                throw new AssertionError("call " + calls);
            }
        }
    }

    @Sample
    static class Threads {
        static final AtomicLong calls = new AtomicLong();
        static final Map<String, Boolean> threads = new ConcurrentHashMap<>();

        @Test
        @ThroughputGate(min = "1/s")
        @PerfTest(invocations = 1000, warmupInvocations = 0, threads = 2)
        void concurrent() {
            calls.incrementAndGet();
            threads.put(Thread.currentThread().getName(), true);
        }
    }

    @Sample
    static class Fixtures {
        static final AtomicLong before = new AtomicLong();
        static final AtomicLong after = new AtomicLong();
        static final AtomicLong calls = new AtomicLong();

        @BeforeEach
        void setUp() {
            before.incrementAndGet();
        }

        @AfterEach
        void tearDown() {
            after.incrementAndGet();
        }

        @Test
        @LatencyGate(max = "1s")
        @PerfTest(invocations = 50, warmupInvocations = 10)
        void measured() {
            calls.incrementAndGet();
        }
    }

    @Sample
    @LatencyGate(max = "1s")
    @PerfTest(invocations = 10, warmupInvocations = 0)
    static class Parameterized {
        static final Map<Integer, Long> calls = new ConcurrentHashMap<>();

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        void sized(int size) {
            calls.merge(size, 1L, Long::sum);
        }

        @RepeatedTest(2)
        void repeated() {
        }
    }

    @Sample
    @LatencyGate(p50 = "1s")
    static class Skipping {
        static final AtomicLong bodyCalls = new AtomicLong();

        @BeforeEach
        void setUp(org.junit.jupiter.api.TestInfo info) {
            if (info.getTestMethod().orElseThrow().getName().equals("assumptionFailsBeforeEach")) {
                assumeTrue(false, "not on this machine");
            }
        }

        @Test
        @Disabled("not today")
        void disabled() {
        }

        @Test
        void assumptionFailsInBody() {
            bodyCalls.incrementAndGet();
            assumeTrue(false, "no database here");
        }

        @Test
        void assumptionFailsBeforeEach() {
        }
    }

    @Sample
    static class Malformed {
        static final AtomicLong calls = new AtomicLong();

        @Test
        @LatencyGate(p95 = "200 parsecs", max = "1s")
        void create() {
            calls.incrementAndGet();
        }
    }

    @Sample
    static class AlwaysThrowing {
        @Test
        @LatencyGate(p99 = "1s")
        void fails() {
            throw new IllegalStateException("no database");
        }
    }

    @Sample
    static class FailingSetUp {
        @BeforeEach
        void setUp() {
            throw new IllegalStateException("no connection");
        }

        @Test
        @LatencyGate(p50 = "1s")
        void measured() {
        }
    }

    @Sample
    static class ThrowingBeyondItsGate {
        private int calls;

        @Test
        @ErrorRateGate(max = "1%")
        @PerfTest(invocations = 10, warmupInvocations = 0)
        void sometimes() {
            if (++calls % 5 == 0) {
                throw new IllegalStateException("call " + calls);
            }
        }
    }

    abstract static class StatefulBase {
        static final List<String> log = new java.util.ArrayList<>();

        @BeforeEach
        void baseSetUp() {
            log.add("base before");
        }

        @AfterEach
        void baseTearDown() {
            log.add("base after");
        }
    }

    /** A body that uses up what its setup made: flips a bit and asserts it was set. */
    @Sample
    static class Stateful extends StatefulBase {
        private boolean ready;

        @BeforeEach
        void setUp() {
            ready = true;
            log.add("before");
        }

        @AfterEach
        void tearDown() {
            log.add("after");
        }

        @Test
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 40, warmupInvocations = 10)
        void perTest() {
            org.junit.jupiter.api.Assertions.assertTrue(ready, "the flag @BeforeEach sets");
            ready = false;
        }

        @Test
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 40, warmupInvocations = 10, setup = Setup.PER_INVOCATION)
        void perInvocation() {
            org.junit.jupiter.api.Assertions.assertTrue(ready, "the flag @BeforeEach sets");
            ready = false;
            log.add("body");
        }
    }

    @Sample
    static class SlowSetUp {
        @BeforeEach
        void setUp() throws InterruptedException {
            Thread.sleep(20);
        }

        @Test
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 30, warmupInvocations = 0, setup = Setup.PER_INVOCATION)
        void measured() {
        }
    }

    @Sample
    static class SetupMisuse {
        @Test
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 10, threads = 2, setup = Setup.PER_INVOCATION)
        void threads() {
        }
    }

    @Sample
    static class SetupWithParameters {
        @BeforeEach
        void setUp(org.junit.jupiter.api.TestInfo info) {
        }

        @Test
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 10, setup = Setup.PER_INVOCATION)
        void measured() {
        }
    }

    @Sample
    static class SetupFailsLater {
        private int setUps;

        @BeforeEach
        void setUp() {
            if (++setUps == 3) {
                throw new IllegalStateException("pool exhausted");
            }
        }

        @Test
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 10, warmupInvocations = 0, setup = Setup.PER_INVOCATION)
        void measured() {
        }
    }

    @Sample
    static class Allocating {
        static volatile Object sink;

        @Test
        @MemoryGate(allocationPerInvocation = "1MB", heapAfterGc = "10GB")
        @PerfTest(invocations = 20_000, warmupInvocations = 2_000)
        void allocates() {
            sink = new byte[4096];
        }
    }
}
