package io.perfgate.core.memory;

import io.perfgate.core.result.HeapSample;
import io.perfgate.core.result.HeapTrend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakSamplerTest {

    private static final List<byte[]> RETAINED = new ArrayList<>();
    private static volatile Object sink;

    @AfterEach
    void release() {
        RETAINED.clear();
    }

    @Test
    void aLeakingBodyShowsItsRetainedBytesPerInvocation() {
        HeapTrend trend = new LeakSampler(30_000_000_000L).run(() -> RETAINED.add(new byte[1024]));

        assertNull(trend.problem());
        assertEquals(LeakSampler.DEFAULT_SAMPLES, trend.samples().size());
        LeakEstimate leak = LeakEstimate.of(trend).orElseThrow();
        // a byte[1024] is 1,040 bytes with its header, plus a reference in the list's array
        assertTrue(leak.perInvocation().lower() > 900 && leak.perInvocation().upper() < 1300, leak.toString());
        assertTrue(leak.perSecond().lower() > 0, leak.toString());
    }

    @Test
    void aBodyThatOnlyChurnsGarbageRetainsNothing() {
        HeapTrend trend = new LeakSampler(30_000_000_000L).run(() -> sink = new byte[64 * 1024]);

        LeakEstimate leak = LeakEstimate.of(trend).orElseThrow();
        // 64 KB allocated per invocation; a leak of even 1 % of it would show as 650 bytes
        assertTrue(leak.perInvocation().lower() < 16, leak.toString());
    }

    @Test
    void samplesAreOrderedAndSpanManyInvocations() {
        HeapTrend trend = new LeakSampler(30_000_000_000L).run(() -> sink = new Object());

        List<HeapSample> samples = trend.samples();
        assertEquals(0, samples.get(0).invocations());
        for (int i = 1; i < samples.size(); i++) {
            assertTrue(samples.get(i).invocations() > samples.get(i - 1).invocations());
            assertTrue(samples.get(i).measuredNanos() >= samples.get(i - 1).measuredNanos());
        }
        assertTrue(samples.get(samples.size() - 1).invocations() > 1000, "fast bodies get large batches");
    }

    @Test
    void aLeakTooFastForTheHeapIsCaughtWithinTheBudget() {
        // 64 KB retained per call: the sampler must shrink its batches instead of filling the heap
        HeapTrend trend = new LeakSampler(30_000_000_000L).run(() -> RETAINED.add(new byte[64 * 1024]));

        long grown = trend.samples().get(trend.samples().size() - 1).heapAfterGcBytes()
                - trend.samples().get(0).heapAfterGcBytes();
        assertTrue(grown < 100L * 1024 * 1024, "grew " + grown);
        assertTrue(LeakEstimate.of(trend).orElseThrow().perInvocation().lower() > 60_000);
    }

    @Test
    void aJvmThatIgnoresSystemGcLeavesAProblemInsteadOfSamples() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+DisableExplicitGC", "-cp", System.getProperty("java.class.path"),
                LeakSamplerTest.class.getName())
                .redirectErrorStream(true)
                .start();
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output.contains("samples=0 problem=the JVM ignored System.gc() (-XX:+DisableExplicitGC"), output);
    }

    /** Run by the test above in a JVM started with -XX:+DisableExplicitGC. */
    public static void main(String[] args) {
        HeapTrend trend = new LeakSampler(5_000_000_000L).run(() -> sink = new Object());
        System.out.println("samples=" + trend.samples().size() + " problem=" + trend.problem());
    }

    @Test
    void theTimeCapEndsThePhaseEarly() {
        HeapTrend trend = new LeakSampler(new HeapAfterGcProbe(), 20, 1_000_000, 0).run(() -> { });
        assertEquals(1, trend.samples().size());
        assertTrue(LeakEstimate.of(trend).isEmpty());
    }
}
