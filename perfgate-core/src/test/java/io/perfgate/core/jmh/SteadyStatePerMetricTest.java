package io.perfgate.core.jmh;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each gate is judged by whether its own metric settled: the time by the score, the memory gate by the bytes. */
class SteadyStatePerMetricTest {
    private static final String ID = "jmh:bench.CopyBench.copy:avgt";
    /** The jmh-gates IT under two CPU hogs: a load spike of 27,781 against 23,035 ns/op at worst later (1.21x). */
    private static final double[][] TIME_WITH_SPIKE = {{27_781.0, 23_035.0, 22_990.0}, {23_050.0, 23_010.0, 23_020.0}};
    /** gc.alloc.rate.norm in the same run: 4,110 +- 0.38 B/op, flat. */
    private static final double[][] ALLOCATION_FLAT = {{4110.2, 4110.5, 4109.9}, {4110.1, 4110.6, 4110.3}};

    private final List<String> log = new ArrayList<>();

    private static GateDeclaration gate(String gate, Map<String, String> bounds) {
        return new GateDeclaration(gate, Level.BLOCKING, false, "method CopyBench#copy", bounds, null);
    }

    /** An avgt run in ns/op with the gc profiler's gc.alloc.rate.norm, each metric with its own rawData. */
    static JmhRun copyBench(double[][] time, double[][] allocation) {
        String json = "[{\"jmhVersion\" : \"1.37\", \"benchmark\" : \"bench.CopyBench.copy\", \"mode\" : \"avgt\","
                + " \"threads\" : 1, \"forks\" : 2, \"warmupIterations\" : 2, \"warmupTime\" : \"1 s\","
                + " \"measurementIterations\" : 3, \"measurementTime\" : \"500 ms\", \"params\" : {},"
                + " \"primaryMetric\" : " + metric(time, "ns/op", 900) + ", \"secondaryMetrics\" : {"
                + "\"gc.alloc.rate.norm\" : " + metric(allocation, "B/op", 0.38) + "}}]";
        return JmhResultReader.parse(json, "copy.json").get(0);
    }

    private static String metric(double[][] rawData, String unit, double error) {
        String raw = Arrays.stream(rawData).map(fork -> Arrays.stream(fork).mapToObj(Double::toString)
                .collect(Collectors.joining(", ", "[", "]"))).collect(Collectors.joining(", ", "[", "]"));
        return "{\"score\" : " + Arrays.stream(rawData).flatMapToDouble(Arrays::stream).average().orElse(0)
                + ", \"scoreError\" : " + error + ", \"scoreUnit\" : \"" + unit + "\", \"rawData\" : " + raw + "}";
    }

    /** Two retries that measure the same again, then check with the gates. */
    private TestOutcome retryAndJudge(JmhRun run, GateDeclaration... gates) {
        WarmupRetries.Outcome outcome = WarmupRetries.apply(new WarmupRetries.Attempt(List.of(run), List.of()),
                JmhSettings.forProfile("smoke"),
                WarmupRetries.Policy.of(2, Duration.ofSeconds(20), Duration.ofHours(1)),
                (command, next, number) -> new WarmupRetries.Attempt(List.of(run), List.of()), log::add, () -> 0);
        assertEquals(2, outcome.retries(), "still warming up: both retries ran");
        TestResult result = JmhResults.convert(outcome.runs(), outcome.failures(), List.of(),
                (benchmark, params) -> List.of(gates), outcome.stillWarming(), "smoke",
                Instant.now()).get(0);
        return new GateEvaluator(null).evaluate(result);
    }

    private static MetricOutcome metricOf(TestOutcome outcome, String gate) {
        GateOutcome found = outcome.gates().stream().filter(each -> each.toString().contains(gate)).findFirst()
                .orElseThrow(() -> new AssertionError(gate + " not in " + outcome.gates()));
        return found.metrics().get(0);
    }

    @Test
    void aLoadSpikeInTheTimeLeavesTheSteadyAllocationJudged() {
        JmhRun run = copyBench(TIME_WITH_SPIKE, ALLOCATION_FLAT);
        assertTrue(SteadyState.check(run).isPresent(), "1.21x is above the 1.20 rule");
        assertTrue(SteadyState.checkAllocation(run).isEmpty(), "the bytes per operation did not move");

        // the worst iteration (27.8 us) is beyond the bound, so the steady state could pass or fail
        GateDeclaration time = gate("LatencyGate", Map.of("mean", "25us"));
        TestOutcome within = retryAndJudge(run, time, gate("MemoryGate", Map.of("allocationPerInvocation", "8KB")));
        TestOutcome beyond = retryAndJudge(run, time, gate("MemoryGate", Map.of("allocationPerInvocation", "2KB")));

        MetricOutcome mean = metricOf(within, "LatencyGate");
        assertEquals(Verdict.INCONCLUSIVE, mean.verdict(), mean.message());
        assertTrue(mean.message().contains("JMH measured the benchmark before it reached steady state; it was still"
                + " warming up with warmup 8 x 1s per fork, after 3 attempts"), mean.message());
        assertTrue(mean.message().contains("scored 27,800 ns/op against 23,000 ns/op at worst after it (1.21 times"
                + " worse)"), mean.message());
        assertEquals(Verdict.PASS, metricOf(within, "MemoryGate").verdict(), metricOf(within, "MemoryGate").message());
        MetricOutcome failed = metricOf(beyond, "MemoryGate");
        assertEquals(Verdict.FAIL, failed.verdict(), failed.message());
        assertEquals(4110.2666, failed.value(), 1e-3);
        assertTrue(failed.message().contains(" exceeds the threshold 2 KB"), failed.message());
        assertTrue(String.join("\n", log).contains("CopyBench.copy (avgt)'s time and throughput gates have no"
                + " verdict (a mean or throughput gate has one when even the worst measured iteration is within its"
                + " bound)"), String.join("\n", log));
    }

    @Test
    void aScoreStillWarmingUpPassesWhenEvenItsWorstIterationIsWithinTheBound() {
        // warming up only makes the time per operation shorter: 27.8 us at worst against 1 ms cannot turn to FAIL
        TestOutcome outcome = retryAndJudge(copyBench(TIME_WITH_SPIKE, ALLOCATION_FLAT),
                gate("LatencyGate", Map.of("mean", "1ms")));

        MetricOutcome mean = metricOf(outcome, "LatencyGate");
        assertEquals(Verdict.PASS, mean.verdict(), mean.message());
        assertTrue(mean.message().startsWith("mean = 23.8 us is within 1ms"), mean.message());
        assertTrue(mean.message().endsWith("; JMH measured it while it was still warming up, but even its worst"
                + " measured iteration (27.8 us) is within the threshold, and a longer warmup only makes it better"),
                mean.message());
    }

    @Test
    void aScoreStillWarmingUpBeyondItsTargetWarnsWhenItsWorstIterationIsWithinTheThreshold() {
        // 23.8 us against the target 20 us: a WARN that the steady state can only improve on, never a FAIL
        MetricOutcome mean = metricOf(retryAndJudge(copyBench(TIME_WITH_SPIKE, ALLOCATION_FLAT),
                gate("LatencyGate", Map.of("mean", "20us..30us"))), "LatencyGate");

        assertEquals(Verdict.WARN, mean.verdict(), mean.message());
        assertTrue(mean.message().contains("its worst measured iteration (27.8 us) is within the threshold"),
                mean.message());
    }

    @Test
    void aThroughputStillWarmingUpIsJudgedByItsSlowestIteration() {
        // ops/s: the first iteration of each fork did fewer operations (1.5x) and the later ones kept their level
        String json = "[{\"jmhVersion\" : \"1.37\", \"benchmark\" : \"bench.CopyBench.copy\", \"mode\" : \"thrpt\","
                + " \"threads\" : 1, \"forks\" : 2, \"warmupIterations\" : 2, \"warmupTime\" : \"1 s\","
                + " \"measurementIterations\" : 3, \"measurementTime\" : \"500 ms\", \"params\" : {},"
                + " \"primaryMetric\" : " + metric(new double[][]{{2.0e6, 3.0e6, 3.0e6}, {2.0e6, 3.0e6, 3.0e6}},
                "ops/s", 1.0e5) + ", \"secondaryMetrics\" : {}}]";
        JmhRun run = JmhResultReader.parse(json, "copy.json").get(0);
        assertTrue(SteadyState.check(run).isPresent());

        MetricOutcome above = metricOf(retryAndJudge(run, gate("ThroughputGate", Map.of("min", "1000000/s"))),
                "ThroughputGate");
        MetricOutcome between = metricOf(retryAndJudge(run, gate("ThroughputGate", Map.of("min", "2500000/s"))),
                "ThroughputGate");

        assertEquals(Verdict.PASS, above.verdict(), above.message());
        assertTrue(above.message().contains("its worst measured iteration (2,000,000/s) is within the threshold"),
                above.message());
        assertEquals(Verdict.INCONCLUSIVE, between.verdict(), "the slowest iteration is below 2.5 M/s: "
                + between.message());
        assertTrue(between.message().contains("before it reached steady state"), between.message());
    }

    @Test
    void anAllocationStillFallingLeavesTheMemoryGateInconclusive() {
        // the JIT compiler's escape analysis removing allocations: 30 % fewer bytes by the last iteration
        double[][] falling = {{5_870.0, 4_800.0, 4_110.0}, {5_860.0, 4_700.0, 4_111.0}};
        JmhRun run = copyBench(new double[][]{{23_035.0, 23_010.0, 23_020.0}, {23_050.0, 23_010.0, 23_020.0}},
                falling);
        assertTrue(SteadyState.check(run).isEmpty(), "the time is steady");

        TestOutcome outcome = retryAndJudge(run, gate("LatencyGate", Map.of("mean", "1ms")),
                gate("MemoryGate", Map.of("allocationPerInvocation", "8KB")));

        assertEquals(Verdict.PASS, metricOf(outcome, "LatencyGate").verdict());
        MetricOutcome memory = metricOf(outcome, "MemoryGate");
        assertEquals(Verdict.INCONCLUSIVE, memory.verdict(), memory.message());
        assertTrue(memory.message().contains("JMH measured the benchmark before it reached steady state; its"
                + " allocation per operation was still falling with warmup 8 x 1s per fork"),
                memory.message());
        assertTrue(memory.message().contains("of fork 2 scored 5,860 B/op against 4,700 B/op at worst after it"),
                memory.message());
        assertTrue(memory.message().endsWith("or set allowInconclusive = true"), memory.message());
    }

    @Test
    void allocationNoiseNearZeroIsNotWarmingUp() {
        // a benchmark that allocates nothing: the profiler reads fractions of a byte, many times apart
        JmhRun run = copyBench(new double[][]{{100.0, 100.0}, {100.0, 100.0}},
                new double[][]{{0.004, 0.0001}, {0.003, 0.0002}});

        assertTrue(SteadyState.checkAllocation(run).isEmpty());
    }

    @Test
    void anAllocationCountsAsFallingOnlyBeyondSixteenBytesPerOperation() {
        double[][] time = {{100.0, 100.0, 100.0}, {100.0, 100.0, 100.0}};
        // both 1.25 times the later bytes: 15.9 B/op fewer is noise, 16.1 B/op fewer is the JIT compiler
        assertTrue(SteadyState.checkAllocation(copyBench(time, new double[][]{{80.0, 64.1, 64.1}, {80.0, 64.1, 64.1}}))
                .isEmpty());
        assertTrue(SteadyState.checkAllocation(copyBench(time, new double[][]{{80.0, 63.9, 63.9}, {80.0, 63.9, 63.9}}))
                .isPresent());
    }
}
