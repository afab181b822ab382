package io.perfgate.core.check;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.memory.LeakSampler;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.HeapSample;
import io.perfgate.core.result.HeapTrend;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leak bounds judged on real heap trends (a body that leaks, one that churns) and on crafted ones. */
class LeakGateTest {

    private static final List<Object> CACHE_WITHOUT_EVICTION = new ArrayList<>();
    private static volatile Object sink;

    @AfterEach
    void release() {
        CACHE_WITHOUT_EVICTION.clear();
    }

    @Test
    void aBodyThatAddsToAStaticListFailsWithTheSlopeAndItsInterval() {
        HeapTrend trend = new LeakSampler(30_000_000_000L).run(() -> CACHE_WITHOUT_EVICTION.add(new byte[512]));

        GateOutcome gate = judge(trend, Map.of("leakPerInvocation", "64B", "leakPerHour", "10MB/h"));

        assertEquals(Verdict.FAIL, gate.verdict());
        MetricOutcome perInvocation = metric(gate, Metric.LEAK_PER_INVOCATION);
        assertEquals(Verdict.FAIL, perInvocation.verdict());
        // byte[512] is 528 bytes plus its slot in the list
        assertTrue(perInvocation.lower() > 400 && perInvocation.upper() < 800, perInvocation.message());
        assertTrue(perInvocation.message().matches("leak per invocation = \\d+ B \\(95% interval \\d+ B \\.\\. \\d+ B\\)"
                + " is significantly above the threshold 64 B: heap after GC went from .* to .* over [\\d,]+ invocations;"
                + " something keeps a reference per invocation.*\\(CacheTest#lookup, 20 samples\\)"), perInvocation.message());
        assertEquals(Verdict.FAIL, metric(gate, Metric.LEAK_PER_HOUR).verdict());
        assertTrue(metric(gate, Metric.LEAK_PER_HOUR).message().contains("/h (95% interval "));
    }

    @Test
    void aBodyThatOnlyChurnsGarbagePasses() {
        HeapTrend trend = new LeakSampler(30_000_000_000L).run(() -> sink = new byte[32 * 1024]);

        GateOutcome gate = judge(trend, Map.of("leakPerInvocation", "64B", "leakPerHour", "10MB/h"));

        assertEquals(Verdict.PASS, gate.verdict(), gate.metrics().toString());
        assertTrue(metric(gate, Metric.LEAK_PER_INVOCATION).message()
                .startsWith("leak per invocation = "), gate.metrics().toString());
        assertTrue(metric(gate, Metric.LEAK_PER_INVOCATION).message().contains("is not significantly above 64B"));
    }

    @Test
    void aSlopeWhoseIntervalStraddlesTheBoundPasses() {
        // 100 B per invocation on average, but noisy enough that 90 B cannot be ruled out
        List<HeapSample> samples = new ArrayList<>();
        long[] noise = {0, 9000, -7000, 4000, -9000, 8000, -3000, 6000, -8000, 2000, 9000, -6000};
        for (int i = 0; i < noise.length; i++) {
            samples.add(new HeapSample(i * 100L, i * 1_000_000L, 50_000_000 + i * 100L * 100 + noise[i]));
        }
        GateOutcome gate = judge(new HeapTrend(samples, null), Map.of("leakPerInvocation", "90B"));

        MetricOutcome outcome = metric(gate, Metric.LEAK_PER_INVOCATION);
        assertEquals(Verdict.PASS, outcome.verdict(), outcome.message());
        assertTrue(outcome.lower() < 90 && outcome.value() > 90, outcome.message());
    }

    @Test
    void aSlopeSignificantlyAboveTheTargetOnlyWarns() {
        GateOutcome gate = judge(line(12, 200), Map.of("leakPerInvocation", "100B..1KB"));

        MetricOutcome outcome = metric(gate, Metric.LEAK_PER_INVOCATION);
        assertEquals(Verdict.WARN, outcome.verdict());
        assertTrue(outcome.message().contains("is significantly above the target 100 B (threshold 1 KB)"),
                outcome.message());
    }

    @Test
    void tooFewSamplesAreInconclusive() {
        GateOutcome gate = judge(line(6, 5000), Map.of("leakPerInvocation", "64B"));

        MetricOutcome outcome = metric(gate, Metric.LEAK_PER_INVOCATION);
        assertEquals(Verdict.INCONCLUSIVE, outcome.verdict());
        assertTrue(outcome.message().contains("needs at least 10 heap samples after GC, got 6"), outcome.message());
        assertTrue(gate.blocks());
    }

    @Test
    void aTrendThatCouldNotBeSampledFailsWithTheReason() {
        GateOutcome gate = judge(new HeapTrend(List.of(), "the JVM ignored System.gc()"),
                Map.of("leakPerHour", "10MB/h"));

        MetricOutcome outcome = metric(gate, Metric.LEAK_PER_HOUR);
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertTrue(outcome.message().contains("declared but not measured: the JVM ignored System.gc()"),
                outcome.message());
    }

    @Test
    void noTrendAtAllFailsAsNotMeasured() {
        GateOutcome gate = judge(null, Map.of("leakPerInvocation", "64B"));

        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(metric(gate, Metric.LEAK_PER_INVOCATION).message().contains("not measured"));
    }

    /** Heap growing by exactly bytesPerInvocation, 100 invocations (1 ms) apart. */
    private static HeapTrend line(int count, long bytesPerInvocation) {
        List<HeapSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new HeapSample(i * 100L, i * 1_000_000L, 50_000_000 + i * 100L * bytesPerInvocation));
        }
        return new HeapTrend(samples, null);
    }

    private static GateOutcome judge(HeapTrend trend, Map<String, String> bounds) {
        GateDeclaration gate = new GateDeclaration("MemoryGate", Level.BLOCKING, false, "method CacheTest#lookup",
                bounds, null);
        MemoryMeasurement memory = new MemoryMeasurement(null, null, null, null, null, trend);
        Measurement measurement = new Measurement(1000, 0, Map.of(), null, 1_000_000_000L, null, memory, null,
                List.of());
        TestResult result = TestResult.declared(ResultKind.JUNIT, "[method:lookup]", "com.example.CacheTest", "lookup",
                "lookup()", List.of(gate), null).completed(measurement);
        TestOutcome outcome = new GateEvaluator(null).evaluate(result);
        GateOutcome judged = outcome.gates().get(0);
        assertEquals("MemoryGate", judged.declaration().gate());
        return judged;
    }

    private static MetricOutcome metric(GateOutcome gate, Metric metric) {
        MetricOutcome found = gate.metrics().stream().filter(m -> m.metric() == metric).findFirst().orElse(null);
        assertNotNull(found, metric + " in " + gate.metrics());
        return found;
    }
}
