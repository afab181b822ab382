package io.perfgate.core.profile;

import io.perfgate.core.measure.MeasuredRun;
import io.perfgate.core.measure.MeasuringLoop;
import io.perfgate.core.measure.Profile;
import io.perfgate.core.measure.SampleRequirement;
import io.perfgate.core.measure.WorkloadPlan;
import io.perfgate.core.measure.WorkloadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real JFR recordings of a known workload, made around the measured rounds of the real loop. */
class JfrProfilerTest {

    static volatile double sink;
    static volatile Object allocated;

    /** Does nearly all of the work of an invocation. */
    static void dominant() {
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += Math.sqrt(i + sink);
        }
        sink = sum;
    }

    /** A little work, and the allocations. */
    static void minor() {
        allocated = new long[512];
    }

    private static ProfileSummary profile(Path directory) throws Exception {
        WorkloadPlan plan = WorkloadPlan.resolve(Profile.SMOKE, new WorkloadRequest("200ms", -1, -1, "1500ms", 1, "",
                "@PerfTest", "JfrProfilerTest"), SampleRequirement.NONE);
        JfrProfiler profiler = new JfrProfiler(directory.resolve("test.jfr"));
        MeasuredRun run = new MeasuringLoop(plan, false, thrown -> false, profiler).run(() -> {
            dominant();
            minor();
        });
        assertTrue(run.measurement().invocations() > 0);
        return profiler.summary().orElseThrow();
    }

    @Test
    void theMethodThatDoesTheWorkIsTheTopFrame(@TempDir Path directory) throws Exception {
        ProfileSummary profile = profile(directory);

        assertTrue(profile.executionSamples() >= 20, "samples: " + profile.executionSamples());
        HotMethods.MethodShare top = HotMethods.bySelf(profile, 1).get(0);
        assertEquals("JfrProfilerTest.dominant", top.shortName(), HotMethods.of(profile).toString());
        assertTrue(top.selfShare() > 0.5, "self share " + top.selfShare());
        assertTrue(HotMethods.topLine(profile, 3).startsWith("JfrProfilerTest.dominant "), HotMethods.topLine(profile, 3));
        assertTrue(profile.durationNanos() >= 1_000_000_000L, "recorded the rounds: " + profile.durationNanos());
    }

    @Test
    void stacksStartAtTheTestBodyBelowTheMeasuringLoop(@TempDir Path directory) throws Exception {
        ProfileSummary profile = profile(directory);

        List<ProfileSummary.Stack> stacks = profile.namedStacks();
        assertFalse(stacks.isEmpty());
        assertTrue(stacks.stream().flatMap(stack -> stack.frames().stream())
                .noneMatch(frame -> frame.startsWith("io.perfgate.core.measure.") || frame.startsWith("org.junit.")),
                stacks.toString());
        ProfileSummary.Stack heaviest = stacks.get(0);
        assertTrue(heaviest.frames().get(0).startsWith(JfrProfilerTest.class.getName() + ".lambda$"), heaviest.toString());
        assertTrue(stacks.size() <= ProfileReader.MAX_STACKS);
    }

    @Test
    void allocationsAreAttributedToTheAllocatingMethod(@TempDir Path directory) throws Exception {
        ProfileSummary profile = profile(directory);

        assertFalse(profile.allocations().isEmpty(), "no allocation samples");
        ProfileSummary.AllocationSite site = profile.allocations().get(0);
        assertEquals(JfrProfilerTest.class.getName() + ".minor", site.site());
        assertEquals("long[]", site.objectClass());
        assertTrue(site.bytes() > 0);
        assertTrue(Files.exists(directory.resolve("test.jfr")), "the recording is written where asked");
    }

    @Test
    void aRunThatDidNotEndHasNoSummaryAndLeavesNoRecordingRunning(@TempDir Path directory) throws Exception {
        JfrProfiler profiler = new JfrProfiler(directory.resolve("broken.jfr"));
        profiler.measuringStarted();
        assertTrue(profiler.running());
        profiler.close();

        assertFalse(profiler.running());
        assertTrue(profiler.summary().isEmpty());
    }

    @Test
    void roundsTooShortToSampleAreNotProfiledAndNoFileIsWritten(@TempDir Path directory) throws Exception {
        JfrProfiler instant = new JfrProfiler(directory.resolve("instant.jfr"));
        instant.measuringStarted();
        instant.measuringEnded();
        assertTrue(instant.summary().isEmpty());
        assertFalse(Files.exists(directory.resolve("instant.jfr")), "nothing written for a recording never read");

        JfrProfiler paused = new JfrProfiler(directory.resolve("paused.jfr"));
        paused.measuringStarted();
        Thread.sleep(3 * JfrProfiler.MIN_PROFILED_NANOS / 1_000_000);
        paused.measuringEnded();
        assertTrue(paused.summary(20_000).isEmpty(), "20 us of rounds in a longer span, the pauses between them");
        assertTrue(paused.summary(JfrProfiler.MIN_PROFILED_NANOS).isPresent());
    }

    @Test
    void samplesOfTheLoopsOwnWorkAreCountedAsTheLoopNotAsTheTest() {
        assertEquals(List.of(ProfileReader.MEASURING_LOOP), ProfileReader.fromBody(List.of(
                "io.perfgate.shaded.hdrhistogram.AbstractHistogram.recordValue", "io.perfgate.core.latency.LatencyHistogram.record",
                "io.perfgate.core.measure.Worker.run", "java.lang.Thread.run")));
        assertEquals(List.of("shop.Cart.total", "java.util.ArrayList.add"), ProfileReader.fromBody(List.of(
                "java.util.ArrayList.add", "shop.Cart.total", "io.perfgate.junit.PerfGateExtension.lambda$reflective$1",
                "io.perfgate.core.measure.Worker.run", "java.lang.Thread.run")));
        assertEquals(List.of("java.lang.Thread.run", "shop.Pool.work"), ProfileReader.fromBody(List.of(
                "shop.Pool.work", "java.lang.Thread.run")), "a thread of the test's own keeps its whole stack");
    }

    @Test
    void aBenchmarksStacksStartAtItsMethodBelowJmhsGeneratedLoop() {
        assertEquals(List.of("bench.Sort.sort", "java.util.Arrays.sort"), ProfileReader.fromBody(List.of(
                "java.util.Arrays.sort", "bench.Sort.sort", "bench.jmh_generated.Sort_sort_jmhTest.sort_thrpt_jmhStub",
                "bench.jmh_generated.Sort_sort_jmhTest.sort_Throughput", "jdk.internal.reflect.Method.invoke",
                "org.openjdk.jmh.runner.BenchmarkHandler$BenchmarkTask.call", "java.lang.Thread.run")));
        assertEquals(List.of(ProfileReader.JMH_LOOP), ProfileReader.fromBody(List.of(
                "bench.jmh_generated.Sort_sort_jmhTest.sort_thrpt_jmhStub",
                "bench.jmh_generated.Sort_sort_jmhTest.sort_Throughput", "java.lang.Thread.run")),
                "JMH's own loop is JMH's, not the benchmark's");
    }

    @Test
    void aLambdasClassIsNamedTheSameInEveryJvm() {
        assertEquals("java.util.Comparator$$Lambda",
                ProfileReader.typeName("java.util.Comparator$$Lambda$289/0x0000000800c4d248.1192923170"));
        assertEquals("shop.Cart$$Lambda", ProfileReader.typeName("shop.Cart$$Lambda$288+0x00007f9080150208.237344028"));
        assertEquals("shop.Cart$Line", ProfileReader.typeName("shop.Cart$Line"));
    }

    @Test
    void deepStacksKeepTheFramesNearestTheSample() {
        List<String> leafFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leafFirst.add("shop.Deep.level" + i);
        }
        leafFirst.add("io.perfgate.junit.PerfGateExtension.lambda$reflective$1");
        leafFirst.add("io.perfgate.core.measure.Worker.run");

        List<String> rootFirst = ProfileReader.fromBody(leafFirst);

        assertEquals(ProfileReader.MAX_DEPTH, rootFirst.size());
        assertEquals("shop.Deep.level0", rootFirst.get(rootFirst.size() - 1), "the sampled frame is kept");
        assertEquals("shop.Deep.level" + (ProfileReader.MAX_DEPTH - 1), rootFirst.get(0));
    }
}
