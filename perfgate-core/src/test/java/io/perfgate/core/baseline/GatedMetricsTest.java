package io.perfgate.core.baseline;

import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.regression.Undecided;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: a 10 ms test with {@code @LatencyGate(p95 = "200ms", p99 = "500ms")} has about 100 samples a round
 * in the standard profile; its p95 and p99 must never drop out of the comparison.
 */
class GatedMetricsTest {
    private static final Instant RECORDED = Instant.parse("2024-05-01T10:00:00Z");
    private static final SourceVersion BASE = new SourceVersion("abc1234def", "main", false);
    private static final SourceVersion CHANGE = new SourceVersion("fed4321cba", "feature", false);

    @TempDir
    Path project;

    /** 10 rounds of 100 samples around 10 ms; samples above 11.3 ms (the slowest ~10 %) are multiplied by tail. */
    static TestResult tenMillisecondTest(long seed, double tail) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Round> rounds = new ArrayList<>();
        LatencyHistogram all = new LatencyHistogram();
        for (int r = 0; r < 10; r++) {
            LatencyHistogram histogram = new LatencyHistogram();
            for (int s = 0; s < 100; s++) {
                double nanos = 10e6 * Math.exp(0.1 * random.nextGaussian());
                histogram.record(Math.round(nanos > 11.3e6 ? nanos * tail : nanos));
            }
            all.add(histogram);
            rounds.add(new Round(100, 0, 1_000_000_000L, histogram.encode(), null));
        }
        Measurement measurement = new Measurement(1000, 0, Map.of(), null, 10_000_000_000L, all.encode(), null, null,
                rounds);
        TestResult declared = new TestResult(TestResult.SCHEMA_VERSION, io.perfgate.core.result.ResultKind.JUNIT,
                "[engine:junit-jupiter]/[class:com.example.SlowTest]/[method:tenMillis()]", "com.example.SlowTest",
                "tenMillis", "tenMillis()", ResultStatus.DECLARED, null,
                List.of(new GateDeclaration("LatencyGate", Level.BLOCKING, false, "method SlowTest#tenMillis",
                        Map.of("p95", "200ms", "p99", "500ms"), null)),
                new Workload("standard", 100, 0, 1000, 0, 1, 0), null, null, Results.ENVIRONMENT, RECORDED, null, null,
                null);
        return declared.completed(measurement);
    }

    private BaselineComparison compare(TestResult result, BaselineComparator.Settings settings) {
        return new BaselineComparator(new BaselineStore(project.resolve(".perfgate")), settings)
                .compare(List.of(result), CHANGE, null, RECORDED.plusSeconds(600));
    }

    private static Optional<MetricComparison> of(BaselineComparison comparison, RegressionMetric metric) {
        return comparison.comparisons().stream().map(BaselineComparison.Compared::comparison)
                .filter(c -> c.metric() == metric).findFirst();
    }

    @Test
    void doublingTheP95OfATenMillisecondTestIsNeverASilentPass() {
        new BaselineStore(project.resolve(".perfgate")).record(List.of(tenMillisecondTest(1, 1)), BASE, null,
                RECORDED, false);

        BaselineComparison comparison = compare(tenMillisecondTest(2, 2.0), BaselineComparator.Settings.defaults());

        MetricComparison p95 = of(comparison, RegressionMetric.P95).orElseThrow(() ->
                new AssertionError("p95 dropped out: " + comparison.comparisons()));
        assertEquals(RegressionOutcome.REGRESSED, p95.outcome(), p95.message());
        assertEquals(5, p95.currentReplicates(), "ten rounds of 100 give five p95 replicates of two rounds each");
        assertTrue(p95.message().startsWith("p95 +"), p95.message());
        assertTrue(comparison.hasBlocking(), "a blocking latency gate's regression fails the build");

        MetricComparison p99 = of(comparison, RegressionMetric.P99).orElseThrow(() ->
                new AssertionError("p99 dropped out: " + comparison.comparisons()));
        assertEquals(RegressionOutcome.INCONCLUSIVE, p99.outcome());
        assertEquals(Undecided.NOT_COMPARABLE, p99.undecided());
        assertTrue(p99.message().startsWith("p99, which a gate of SlowTest#tenMillis names, is not compared with the"
                + " baseline (commit abc1234): in this run the 10 rounds have 100 samples each (1,000 in all); a p99"
                + " needs 1,000 a replicate"), p99.message());
        assertTrue(p99.message().contains("measure at least 3,000 invocations, ideally 10,000"), p99.message());
        assertTrue(comparison.comparisons().stream().anyMatch(c -> c.comparison() == p99), "p99 is counted, not left out");
    }

    @Test
    void anUnchangedRerunComparesP95AndCountsTheP99ItCannotCompare() {
        new BaselineStore(project.resolve(".perfgate")).record(List.of(tenMillisecondTest(1, 1)), BASE, null,
                RECORDED, false);

        BaselineComparison comparison = compare(tenMillisecondTest(3, 1), BaselineComparator.Settings.defaults());

        assertNotEquals(RegressionOutcome.REGRESSED, of(comparison, RegressionMetric.P95).orElseThrow().outcome());
        assertFalse(comparison.hasBlocking(), comparison.blockingMessages().toString());
        assertEquals(RegressionOutcome.INCONCLUSIVE, of(comparison, RegressionMetric.P99).orElseThrow().outcome());
    }

    @Test
    void aGatedMetricIsComparedEvenWhenTheConfiguredListLeavesItOut() {
        new BaselineStore(project.resolve(".perfgate")).record(List.of(tenMillisecondTest(1, 1)), BASE, null,
                RECORDED, false);
        BaselineComparator.Settings onlyMedian = BaselineComparator.Settings.defaults()
                .withMetrics(java.util.Set.of(RegressionMetric.P50));

        BaselineComparison comparison = compare(tenMillisecondTest(2, 2.0), onlyMedian);

        assertEquals(RegressionOutcome.REGRESSED, of(comparison, RegressionMetric.P95).orElseThrow().outcome());
        assertTrue(of(comparison, RegressionMetric.MEAN).isEmpty(), "mean is neither gated nor configured");
    }

    @Test
    void aBaselineThatLacksAGatedMetricMakesItInconclusiveWithTheFix() {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        store.record(List.of(tenMillisecondTest(1, 1)), BASE, null, RECORDED, false);
        // as a baseline recorded before rounds were merged: no p95 values
        TestBaseline recorded = store.read(tenMillisecondTest(1, 1).id()).orElseThrow();
        Map<String, BaselineMetric> withoutP95 = new java.util.TreeMap<>(recorded.metrics());
        withoutP95.remove("p95");
        io.perfgate.core.result.AtomicFiles.write(store.fileFor(recorded.id()), uncheckedJson(
                recorded.withMetrics(null, withoutP95, List.of())));

        BaselineComparison comparison = compare(tenMillisecondTest(2, 2.0), BaselineComparator.Settings.defaults());

        MetricComparison p95 = of(comparison, RegressionMetric.P95).orElseThrow();
        assertEquals(RegressionOutcome.INCONCLUSIVE, p95.outcome());
        assertTrue(p95.message().contains("the baseline was recorded by a perfgate that left p95 out; record a new"
                + " baseline (mvn verify perfgate:baseline)"), p95.message());
    }

    private static byte[] uncheckedJson(TestBaseline baseline) {
        try {
            return io.perfgate.core.result.Json.mapper().writeValueAsBytes(baseline);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
