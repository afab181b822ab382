package io.perfgate.junit;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.HeapTrend;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @MemoryGate leak bounds, end to end: a test that leaks fails, one that only churns garbage passes. */
class MemoryLeakGateTest {

    @AfterEach
    void release() {
        Leaking.CACHE.clear();
    }

    @Test
    void aTestThatAddsToAStaticListOnEachCallFailsWithTheSlopeAndItsInterval() {
        Throwable failure = SampleRuns.standalone().run(Leaking.class).failure();

        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(Pattern.compile("leak per invocation = [0-9.]+ B \\(95% interval [0-9.]+ B \\.\\. [0-9.]+ B\\)"
                        + " is significantly above the threshold 64 B: heap after GC went from .+ to .+ over [0-9,]+"
                        + " invocations; .* \\(MemoryLeakGateTest\\$Leaking#remembersEveryCall, 20 samples\\)")
                .matcher(failure.getMessage()).find(), failure.getMessage());
    }

    @Test
    void aTestThatOnlyChurnsGarbagePasses() {
        SampleRuns.standalone().run(Churning.class).assertTests(1, 0, 0, 0);
    }

    @Test
    void theRecordedTrendIsWhatCheckJudges(@TempDir Path results) {
        SampleRuns.recording(results).run(Leaking.class).assertTests(1, 0, 0, 0);

        Map<String, TestResult> recorded = SampleRuns.resultsByMethod(results);
        TestResult result = recorded.get("remembersEveryCall");
        HeapTrend trend = result.measurement().memory().heapTrend();
        assertNotNull(trend);
        assertEquals(20, trend.samples().size());
        // the measured rounds ran too, and allocation was measured for the rest of @MemoryGate
        assertTrue(result.measurement().invocations() > 0);
        assertNotNull(result.measurement().memory().allocatedBytesPerInvocation());
        assertEquals(Verdict.FAIL, new GateEvaluator(null).evaluate(result).verdict());
    }

    @Test
    void aLeakBoundIsValidatedBeforeAnythingRuns() {
        Throwable failure = SampleRuns.standalone().run(BadLeakBound.class).failure();
        assertEquals("@MemoryGate(leakPerHour = \"10MB\") on MemoryLeakGateTest$BadLeakBound#run: cannot read '10MB':"
                + " expected a growth rate such as 10MB/h, 512KB/min or 1KB/s (sizes B, KB, MB, GB; per s, min, h)",
                failure.getMessage());
    }

    @Sample
    static class Leaking {
        static final List<byte[]> CACHE = new ArrayList<>();

        @Test
        @MemoryGate(leakPerInvocation = "64B", leakPerHour = "10MB/h")
        @PerfTest(invocations = 2_000, warmupInvocations = 200)
        void remembersEveryCall() {
            CACHE.add(new byte[256]);
        }
    }

    @Sample
    static class Churning {
        static volatile Object sink;

        @Test
        @MemoryGate(leakPerInvocation = "64B", leakPerHour = "10MB/h")
        @PerfTest(invocations = 2_000, warmupInvocations = 200)
        void allocatesAndForgets() {
            sink = new byte[16 * 1024];
        }
    }

    @Sample
    static class BadLeakBound {
        @Test
        @MemoryGate(leakPerHour = "10MB")
        void run() {
        }
    }
}
