package io.perfgate.core.check;

import io.perfgate.core.TestData;
import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static io.perfgate.core.TestData.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each family's judge on its own: the verdict, the figures, and the sentence built from them. */
class JudgesTest {
    private static final String REPORT = "target/perfgate/index.html";

    private static Bound bound(Metric metric, String text) {
        return Bound.parse(text, metric.kind(), metric.direction(), "test");
    }

    private static Subject subject(Measurement measurement, String endpoint) {
        TestResult result = TestData.completed("OrderTest", "create", "create()", measurement);
        return new Subject(result, measurement, endpoint, REPORT);
    }

    /** {@code invocations} successful invocations of 1 ms each over {@code seconds}. */
    private static Measurement run(int invocations, long errors, double seconds) {
        LatencyHistogram histogram = TestData.repeat(new LatencyHistogram(), ms(1), invocations - (int) errors);
        return TestData.measurement(histogram, errors, errors > 0 ? "java.io.IOException: reset" : null,
                (long) (seconds * 1e9));
    }

    @Test
    void throughputAboveItsMinimumMeetsIt() {
        MetricOutcome pass = new ThroughputJudge().judge(subject(run(2080, 0, 0.002), null), Metric.THROUGHPUT,
                bound(Metric.THROUGHPUT, "20000/s"));

        assertEquals(Verdict.PASS, pass.verdict());
        assertEquals(1_040_000, pass.value(), 1);
        assertEquals("throughput = 1,040,000/s meets the minimum 20,000/s (OrderTest#create, 2,080 samples, report: "
                + REPORT + ")", pass.message());
    }

    @Test
    void throughputWithATargetSaysWhichItMeetsAndBelowTheThresholdFails() {
        Subject subject = subject(run(1000, 0, 1), null);

        MetricOutcome pass = new ThroughputJudge().judge(subject, Metric.THROUGHPUT,
                bound(Metric.THROUGHPUT, "800/s..500/s"));
        MetricOutcome fail = new ThroughputJudge().judge(subject, Metric.THROUGHPUT, bound(Metric.THROUGHPUT, "2000/s"));

        assertEquals("throughput = 1,000/s meets the target 800/s (minimum 500/s) (OrderTest#create, 1,000 samples,"
                + " report: " + REPORT + ")", pass.message());
        assertEquals(Verdict.FAIL, fail.verdict());
        assertEquals("throughput = 1,000/s is below the threshold 2,000/s (OrderTest#create, 1,000 samples, report: "
                + REPORT + ")", fail.message());
    }

    @Test
    void nothingMeasuredIsAFailNamingWhatIsMissing() {
        MetricOutcome outcome = new ThroughputJudge().judge(subject(run(0, 0, 0), null), Metric.THROUGHPUT,
                bound(Metric.THROUGHPUT, "1/s"));

        assertEquals(Verdict.FAIL, outcome.verdict());
        assertNull(outcome.value());
        assertEquals("throughput was declared but not measured: nothing was measured (OrderTest#create, 0 samples,"
                + " report: " + REPORT + ")", outcome.message());
    }

    @Test
    void anErrorRateWithinItsBoundFromTooFewInvocationsIsInconclusive() {
        MetricOutcome outcome = new ErrorRateJudge().judge(subject(run(500, 0, 1), null), Metric.ERROR_RATE,
                bound(Metric.ERROR_RATE, "1%"));

        assertEquals(Verdict.INCONCLUSIVE, outcome.verdict());
        assertEquals("error rate 0% rests on 500 invocations; a bound of 1% needs at least 1,000 (OrderTest#create,"
                + " 500 samples, report: " + REPORT + "): raise invocations or duration in @PerfTest, or set"
                + " allowInconclusive = true", outcome.message());
    }

    @Test
    void anErrorRateBeyondItsBoundFailsWithTheFirstError() {
        MetricOutcome outcome = new ErrorRateJudge().judge(subject(run(100, 5, 1), null), Metric.ERROR_RATE,
                bound(Metric.ERROR_RATE, "1%"));

        assertEquals(Verdict.FAIL, outcome.verdict(), "a FAIL needs no more invocations: more could not undo it");
        assertEquals("error rate = 5% exceeds the threshold 1% (OrderTest#create, 100 samples, report: " + REPORT
                + "); 5 of 100 invocations threw, first: java.io.IOException: reset", outcome.message());
    }

    @Test
    void aScopedGateNamesItsEndpointAmongTheParts() {
        MetricOutcome outcome = new LatencyJudge().judge(subject(run(300, 0, 1), "GET /users"), Metric.LATENCY_P95,
                bound(Metric.LATENCY_P95, "500us"));

        assertEquals(Verdict.FAIL, outcome.verdict());
        assertEquals("p95 = 1 ms exceeds the threshold 500 us (OrderTest#create, endpoint GET /users, 300 samples,"
                + " report: " + REPORT + ")", outcome.message());
    }

    @Test
    void aPercentileFromTooFewSamplesIsInconclusiveUnlessEvenItsLowerLimitFails() {
        Subject few = subject(run(50, 0, 1), null);

        MetricOutcome inconclusive = new LatencyJudge().judge(few, Metric.LATENCY_P99, bound(Metric.LATENCY_P99, "2ms"));
        MetricOutcome fail = new LatencyJudge().judge(few, Metric.LATENCY_P99, bound(Metric.LATENCY_P99, "100us"));

        assertEquals(Verdict.INCONCLUSIVE, inconclusive.verdict());
        assertEquals("p99 needs at least 1,000 samples, got 50 (OrderTest#create, 50 samples, report: " + REPORT
                + "): raise invocations or duration in @PerfTest, or set allowInconclusive = true", inconclusive.message());
        assertEquals(Verdict.FAIL, fail.verdict());
        assertEquals(true, fail.message().startsWith("p99 = 1 ms exceeds the threshold 100 us, and so does its 95%"
                + " lower confidence limit 1 ms from only 50 samples (OrderTest#create"), fail.message());
    }

    @Test
    void aMemoryFigureTheJvmDidNotGiveIsNamed() {
        Measurement measurement = TestData.withMemory(run(100, 0, 1),
                new MemoryMeasurement(null, 2048.0, null, null, null));

        MetricOutcome heap = new MemoryJudge().judge(subject(measurement, null), Metric.HEAP_AFTER_GC,
                bound(Metric.HEAP_AFTER_GC, "64MB"));
        MetricOutcome allocation = new MemoryJudge().judge(subject(measurement, null),
                Metric.ALLOCATION_PER_INVOCATION, bound(Metric.ALLOCATION_PER_INVOCATION, "1KB"));

        assertEquals(Verdict.FAIL, heap.verdict());
        assertEquals("heap after GC was declared but not measured: this JVM did not provide it (see the supported"
                + " collectors in the README) (OrderTest#create, 100 samples, report: " + REPORT + ")", heap.message());
        assertEquals(Verdict.FAIL, allocation.verdict());
        assertEquals("allocation per invocation = 2 KB exceeds the threshold 1 KB (OrderTest#create, 100 samples,"
                + " report: " + REPORT + ")", allocation.message());
    }

    @Test
    void jmhsErrorIsRescaledToA95PercentInterval() {
        // t(0.975, n-1) / t(0.9995, n-1): n = 2: 12.706 / 636.62; n = 4: 3.1824 / 12.924; n = 25: 2.0639 / 3.7454
        assertEquals(100 * 12.7062 / 636.6192, BenchmarkJudge.halfWidth(OptionalDouble.of(100), 2).getAsDouble(),
                1e-3);
        assertEquals(100 * 0.246243, BenchmarkJudge.halfWidth(OptionalDouble.of(-100), 4).getAsDouble(), 1e-3);
        assertEquals(100 * 2.0639 / 3.7454, BenchmarkJudge.halfWidth(OptionalDouble.of(100), 25).getAsDouble(),
                1e-3);
        assertTrue(BenchmarkJudge.halfWidth(OptionalDouble.of(100), 1).isEmpty());
        assertTrue(BenchmarkJudge.halfWidth(OptionalDouble.empty(), 10).isEmpty());
    }
}
