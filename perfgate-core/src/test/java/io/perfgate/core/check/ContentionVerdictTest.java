package io.perfgate.core.check;

import io.perfgate.core.TestData;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.CpuTime;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import static io.perfgate.core.TestData.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contention rule at judgement, and CPU-time gates. */
class ContentionVerdictTest {
    private static final GateEvaluator EVALUATOR = new GateEvaluator("target/perfgate/index.html");

    /** 400 samples of {@code cleanMs} from 4 of 10 planned rounds; 600 of {@code distortedMs} from discarded ones. */
    private static Measurement contended(double cleanMs, double distortedMs, int planned) {
        LatencyHistogram clean = TestData.repeat(new LatencyHistogram(), ms(cleanMs), 400);
        LatencyHistogram distorted = TestData.repeat(new LatencyHistogram(), ms(distortedMs), 600);
        Contention contention = new Contention(Contention.SCHEDSTAT, 0.26, 0.04, 0.55, 0.10, 4, 6, planned, 0.41,
                600 * ms(distortedMs), distorted.encode(), 2.0);
        return TestData.measurement(clean, 0, null, 400 * ms(cleanMs)).withContention(contention,
                new CpuTime(400 * ms(cleanMs * 0.9), 400, null));
    }

    private static MetricOutcome judge(Measurement measurement, String... bounds) {
        TestResult result = TestData.completed(measurement, TestData.gate("LatencyGate", bounds));
        return EVALUATOR.evaluate(result).gates().get(0).metrics().get(0);
    }

    @Test
    void aFailOnShortDistortedDataIsInconclusiveWithTheWaitAndTheFix() {
        MetricOutcome outcome = judge(contended(3, 9, 10), "p95", "2ms");

        assertEquals(Verdict.INCONCLUSIVE, outcome.verdict());
        assertEquals("p95 = 3 ms on the clean rounds against 2ms has no verdict: the measuring thread waited for a"
                + " CPU 41% of the time in 6 rounds (beyond the 10% allowed; 4 of 10 planned rounds measured cleanly"
                + " before measuring stopped), machine load 2.0 per core; rerun on a quieter machine, or compare against the base commit in one build"
                + " (mvn verify perfgate:compare) (OrderApiPerfTest#createOrder, 1,000 samples,"
                + " report: target/perfgate/index.html)", outcome.message());
    }

    @Test
    void aPassStaysAPassOnlyWhenTheDistortedDataPassesToo() {
        assertEquals(Verdict.PASS, judge(contended(1, 3, 10), "p95", "5ms").verdict());

        MetricOutcome onlyClean = judge(contended(1, 9, 10), "p95", "5ms");
        assertEquals(Verdict.INCONCLUSIVE, onlyClean.verdict());
        assertTrue(onlyClean.message().startsWith("p95 = 1 ms on the clean rounds and 9 ms with the distorted"
                + " ones against 5ms has no verdict: the measuring thread waited for a CPU 41%"), onlyClean.message());
    }

    /** Every round discarded: nothing clean was kept, 600 samples of {@code distortedMs} from discarded rounds. */
    private static Measurement nothingClean(double distortedMs) {
        LatencyHistogram distorted = TestData.repeat(new LatencyHistogram(), ms(distortedMs), 600);
        Contention contention = new Contention(Contention.SCHEDSTAT, 0.85, 0, 0.9, 0.10, 0, 20, 10, 0.85,
                600 * ms(distortedMs), distorted.encode(), 11.0);
        return TestData.measurement(new LatencyHistogram(), 0, null, 0).withContention(contention, null);
    }

    @Test
    void withNoCleanRoundAtAllTheDistortedDataCanPassButNeverFail() {
        TestResult passing = TestData.completed(nothingClean(1), TestData.gate("LatencyGate", "p95", "5ms",
                "mean", "5ms"), TestData.gate("ThroughputGate", "min", "100/s"));
        TestOutcome outcome = EVALUATOR.evaluate(passing);
        assertEquals(Verdict.PASS, outcome.verdict(), outcome.gates().toString());
        assertEquals(3, outcome.gates().size(), "latency, throughput and the implicit no-errors gate");
        MetricOutcome p95 = outcome.gates().get(0).metrics().get(0);
        assertTrue(p95.message().startsWith("p95 = 1 ms is within 5ms on rounds a busy machine distorted (the"
                + " measuring thread waited for a CPU 85% of the time in 20 rounds"), p95.message());

        TestOutcome failing = EVALUATOR.evaluate(TestData.completed(nothingClean(9),
                TestData.gate("LatencyGate", "p95", "5ms"), TestData.gate("ThroughputGate", "min", "200/s")));
        assertEquals(Verdict.INCONCLUSIVE, failing.verdict(), failing.gates().toString());
        assertTrue(failing.gates().get(0).metrics().get(0).message().startsWith("p95 = 9 ms with the distorted"
                + " rounds against 5ms has no verdict: the measuring thread waited for a CPU 85%"));
    }

    @Test
    void onceThePlannedRoundsAreCleanTheVerdictStands() {
        // 4 clean rounds were all the plan asked for: the discarded ones were measured again in full
        MetricOutcome outcome = judge(contended(3, 9, 4), "p95", "2ms");
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertTrue(outcome.message().startsWith("p95 = 3 ms exceeds the threshold 2 ms"), outcome.message());
    }

    @Test
    void cpuTimeIsJudgedOnItsOwnFiguresAndKeepsItsVerdictOnABusyMachine() {
        MetricOutcome within = judge(contended(3, 9, 10), "cpuMean", "3ms");
        assertEquals(Verdict.PASS, within.verdict());
        assertEquals("CPU mean = 2.7 ms is within 3ms (OrderApiPerfTest#createOrder, 400 samples,"
                + " report: target/perfgate/index.html)", within.message());

        assertEquals(Verdict.FAIL, judge(contended(3, 9, 10), "cpuMean", "2ms").verdict(),
                "waiting for a CPU does not inflate CPU time: no contention excuse");
    }

    @Test
    void cpuPercentilesComeFromEachInvocationsCpuTime() {
        LatencyHistogram wall = TestData.repeat(new LatencyHistogram(), ms(5), 300);
        LatencyHistogram cpu = TestData.repeat(new LatencyHistogram(), ms(1), 300);
        Measurement measurement = TestData.measurement(wall, 0, null, 300 * ms(5))
                .withContention(null, new CpuTime(300 * ms(1), 300, cpu.encode()));

        MetricOutcome p95 = judge(measurement, "cpuP95", "2ms");
        assertEquals(Verdict.PASS, p95.verdict());
        assertEquals(ms(1), p95.value(), ms(0.01));
        assertEquals(Verdict.FAIL, judge(measurement, "cpuP50", "0.5ms").verdict());
    }

    @Test
    void aCpuGateWithoutCpuFiguresFailsNamingWhy() {
        Measurement wallOnly = TestData.measurement(TestData.repeat(new LatencyHistogram(), ms(5), 300), 0, null,
                300 * ms(5));
        MetricOutcome outcome = judge(wallOnly, "cpuMean", "2ms");
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertTrue(outcome.message().startsWith("CPU mean was declared but not measured: this JVM does not measure"
                + " thread CPU time"), outcome.message());

        MetricOutcome percentile = judge(wallOnly.withContention(null, new CpuTime(300 * ms(1), 300, null)), "cpuP95", "2ms");
        assertEquals(Verdict.FAIL, percentile.verdict());
        assertTrue(percentile.message().contains("each invocation's CPU time was not recorded"), percentile.message());
    }

    @Test
    void aBadCpuBoundIsRejectedNamingTheAttribute() {
        TestResult result = TestData.completed(contended(1, 1, 4), TestData.gate("LatencyGate", "cpuP50", "5 parsecs"));
        GateOutcome gate = EVALUATOR.evaluate(result).gates().get(0);
        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(gate.problem().startsWith("@LatencyGate(cpuP50 = \"5 parsecs\") on method"
                + " OrderApiPerfTest#createOrder"), gate.problem());
    }
}
