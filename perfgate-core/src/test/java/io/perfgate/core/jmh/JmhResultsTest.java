package io.perfgate.core.jmh;

import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultsTest {
    private static final Instant STARTED = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<String> LISTED = List.of("fixture.FixtureBench.sum", "fixture.FixtureBench.Sampled.nothing",
            "fixture.FixtureBench.boom", "fixture.FixtureBench.Sampled.copy");

    static List<TestResult> fixtureResults(Function<String, List<GateDeclaration>> gates) {
        return JmhResults.convert(JmhFixtures.runs(), JmhFixtures.monitoredOutput().failures(), LISTED, gates,
                "smoke", STARTED);
    }

    static TestResult byId(List<TestResult> results, String id) {
        return results.stream().filter(result -> result.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + results.stream().map(TestResult::id).toList()));
    }

    @Test
    void makesOneResultPerBenchmarkModeAndParameterSetPlusOneForTheFailure() {
        List<TestResult> results = fixtureResults(name -> List.of());

        assertEquals(List.of(
                "jmh:fixture.FixtureBench.sum:thrpt[size=10]",
                "jmh:fixture.FixtureBench.sum:thrpt[size=100]",
                "jmh:fixture.FixtureBench.Sampled.nothing:avgt",
                "jmh:fixture.FixtureBench.boom:avgt[size=10]",
                "jmh:fixture.FixtureBench.sum:avgt[size=10]",
                "jmh:fixture.FixtureBench.sum:avgt[size=100]",
                "jmh:fixture.FixtureBench.Sampled.copy:sample",
                "jmh:fixture.FixtureBench.boom:avgt[size=100]"), results.stream().map(TestResult::id).toList());
        assertTrue(results.stream().allMatch(result -> result.kind().fileName().equals("jmh")
                && result.status() == ResultStatus.COMPLETED && result.startedAt().equals(STARTED)));
    }

    @Test
    void labelsNameTheBenchmarkItsParametersAndTheModeWhenItRanInSeveral() {
        List<TestResult> results = fixtureResults(name -> List.of());

        assertEquals("FixtureBench#sum [thrpt, size=10]", byId(results, "jmh:fixture.FixtureBench.sum:thrpt[size=10]").label());
        assertEquals("FixtureBench#boom [size=10]", byId(results, "jmh:fixture.FixtureBench.boom:avgt[size=10]").label());
        TestResult nested = byId(results, "jmh:fixture.FixtureBench.Sampled.nothing:avgt");
        assertEquals("fixture.FixtureBench$Sampled", nested.className(), "the binary name, as JUnit results have it");
        assertEquals("FixtureBench$Sampled#nothing", nested.label());
    }

    @Test
    void keepsJmhsScoreAndMakesOneRoundPerForkInTheBaseUnit() {
        TestResult sum = byId(fixtureResults(name -> List.of()), "jmh:fixture.FixtureBench.sum:thrpt[size=10]");
        BenchmarkDetails details = sum.benchmark();

        assertEquals(229.96799860351223, details.score());
        assertEquals(566.5110918232748, details.scoreError());
        assertEquals("ops/us", details.scoreUnit());
        assertEquals(Map.of("size", "10"), details.params());
        assertEquals(229.96799860351223e6, details.baseScore().getAsDouble(), 1);
        assertEquals(0.0002772463605907607, details.allocationPerOperation());
        assertNull(details.failure());

        List<Round> rounds = sum.measurement().rounds();
        assertEquals(2, rounds.size());
        assertEquals((116.0765679309863 + 207.86663224552305) / 2 * 1e6, rounds.get(0).score(), 1e-3);
        assertEquals((284.728067696477 + 311.20072654106247) / 2 * 1e6, rounds.get(1).score(), 1e-3);
        assertEquals(2, rounds.get(0).invocations());
        assertEquals(200_000_000L, rounds.get(0).durationNanos(), "2 iterations of 100 ms");
        assertEquals(4, sum.measurement().invocations(), "the score rests on 4 iterations");
        assertEquals(0.0002772463605907607, sum.measurement().memory().allocatedBytesPerInvocation());
    }

    @Test
    void convertsTimeUnitsToNanoseconds() {
        TestResult avgt = byId(fixtureResults(name -> List.of()), "jmh:fixture.FixtureBench.sum:avgt[size=100]");

        assertEquals(22.540761384056505, avgt.benchmark().baseScore().getAsDouble(), 1e-9);
        assertEquals((0.026417479461614404 + 0.02596005864707736) / 2 * 1000,
                avgt.measurement().rounds().get(0).score(), 1e-9);
    }

    @Test
    void turnsSampleTimeHistogramsIntoLatencyHistogramsPerForkAndMerged() {
        TestResult copy = byId(fixtureResults(name -> List.of()), "jmh:fixture.FixtureBench.Sampled.copy:sample");

        List<Round> rounds = copy.measurement().rounds();
        assertEquals(List.of(6413L, 7546L), rounds.stream().map(Round::invocations).toList());
        assertEquals(1521.2653984094808, rounds.get(0).score(), 1e-6, "fork mean in ns");
        assertEquals(976.4040551285452, rounds.get(1).score(), 1e-6);
        LatencyHistogram merged = LatencyHistogram.decode(copy.measurement().latencyHistogram());
        assertEquals(6413 + 7546, merged.count());
        assertEquals(6413 + 7546, copy.measurement().invocations());
        // JMH's own mean, in us, and the histogram's, in ns, agree to the histogram's precision
        assertEquals(1.2267225445948853 * 1000, merged.mean(), 1.2267225445948853 * 1000 * 0.002);
        assertEquals(6413, LatencyHistogram.decode(rounds.get(0).latencyHistogram()).count());
    }

    @Test
    void aBenchmarkThatThrewBecomesAFailedResult() {
        TestResult boom = byId(fixtureResults(name -> List.of()), "jmh:fixture.FixtureBench.boom:avgt[size=100]");

        assertEquals("FixtureBench#boom [size=100]", boom.label());
        assertEquals("java.lang.IllegalStateException: boom at size 100"
                + " (at fixture.FixtureBench.boom(FixtureBench.java:24))", boom.benchmark().failure());
        assertEquals("avgt", boom.benchmark().mode());
        assertNull(boom.benchmark().score());
        assertEquals(0, boom.measurement().invocations());
    }

    @Test
    void aFailureInOneForkMarksTheResultEvenWhenJmhKeptOtherForks() {
        JmhOutputMonitor monitor = new JmhOutputMonitor();
        List.of("# Benchmark mode: Average time, time/op", "# Benchmark: fixture.FixtureBench.boom",
                "# Parameters: (size = 10)", "Iteration   2: <failure>", "", "java.lang.Error: late", "\tat x.y(Z.java:1)",
                "").forEach(monitor);

        List<TestResult> results = JmhResults.convert(JmhFixtures.runs(), monitor.failures(), List.of(),
                name -> List.of(), "smoke", STARTED);

        TestResult boom = byId(results, "jmh:fixture.FixtureBench.boom:avgt[size=10]");
        assertEquals("java.lang.Error: late (at x.y(Z.java:1))", boom.benchmark().failure());
        assertNotNull(boom.benchmark().score(), "what JMH measured is kept, and still judged a failure");
    }

    @Test
    void aListedBenchmarkWithoutResultOrFailureIsAFailureToo() {
        List<TestResult> results = JmhResults.convert(List.of(), List.of(), List.of("a.B.gone"), name -> List.of(),
                "smoke", STARTED);

        assertEquals(1, results.size());
        assertEquals("jmh:a.B.gone", results.get(0).id());
        assertTrue(results.get(0).benchmark().failure().startsWith("JMH recorded no result for it"));
    }

    @Test
    void gatesFollowTheModeThatMeasuresThem() {
        GateDeclaration throughput = new GateDeclaration("ThroughputGate", Level.BLOCKING, false,
                "method FixtureBench#sum", Map.of("min", "100000000/s"), null);
        GateDeclaration latency = new GateDeclaration("LatencyGate", Level.BLOCKING, false,
                "method FixtureBench#sum", Map.of("mean", "50ns", "p99", "1us"), null);
        List<TestResult> results = fixtureResults(name -> name.endsWith(".sum") ? List.of(throughput, latency) : List.of());

        TestResult thrpt = byId(results, "jmh:fixture.FixtureBench.sum:thrpt[size=10]");
        TestResult avgt = byId(results, "jmh:fixture.FixtureBench.sum:avgt[size=10]");
        assertEquals(List.of(throughput, new GateDeclaration("LatencyGate", Level.BLOCKING, false,
                "method FixtureBench#sum", Map.of("p99", "1us"), null)), thrpt.gates(),
                "the mean is judged on the avgt run; p99, measured by neither, stays to be failed with advice");
        assertEquals(List.of(latency), avgt.gates());
    }

    @Test
    void theSameRunTwiceIsRejected() {
        List<JmhRun> twice = new java.util.ArrayList<>(JmhFixtures.runs());
        twice.add(twice.get(0));

        assertThrows(JmhResultException.class, () -> JmhResults.convert(twice, List.of(), List.of(),
                name -> List.of(), "smoke", STARTED));
    }

    @Test
    void aResultFileKeepsTheBenchmarkDetailsAndParameterOrder(@TempDir Path directory) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("zeta", "1");
        params.put("alpha", "x");
        JmhRun run = JmhFixtures.runs().get(0);
        JmhRun reordered = new JmhRun(run.jmhVersion(), run.benchmark(), run.mode(), run.threads(), run.forks(),
                run.jdkVersion(), run.vmName(), run.vmVersion(), run.jvmArgs(), run.warmupIterations(), run.warmupTime(),
                run.measurementIterations(), run.measurementTime(), params, run.primaryMetric(), run.secondaryMetrics());
        TestResult result = JmhResults.convert(List.of(reordered), List.of(), List.of(), name -> List.of(), "smoke",
                STARTED).get(0);

        TestResult read = ResultFiles.read(ResultFiles.write(directory, result));

        assertEquals(result.benchmark(), read.benchmark());
        assertEquals(List.of("zeta", "alpha"), List.copyOf(read.benchmark().params().keySet()));
        assertEquals(result.measurement().rounds(), read.measurement().rounds());
        assertEquals("jmh:fixture.FixtureBench.sum:thrpt[zeta=1;alpha=x]", read.id());
    }
}
