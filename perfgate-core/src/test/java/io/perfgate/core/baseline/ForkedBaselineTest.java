package io.perfgate.core.baseline;

import io.perfgate.core.fork.ForkedMeasurement;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.regression.Undecided;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: baselines and runs measured in several JVMs are compared with the spread between those JVMs. */
class ForkedBaselineTest {
    private static final Instant RECORDED = Instant.parse("2024-05-01T10:00:00Z");
    private static final SourceVersion BASE = new SourceVersion("abc1234def", "main", false);
    private static final SourceVersion CHANGE = new SourceVersion("fed4321cba", "feature", false);

    @TempDir
    Path project;

    /**
     * One JVM's 10 rounds of 100 samples, lognormal (sigma 0.1) around {@code level} nanoseconds; samples in the
     * slowest ~10 % are multiplied by {@code tail}.
     */
    private static Measurement jvm(SplittableRandom random, double level, double tail) {
        List<Round> rounds = new ArrayList<>();
        LatencyHistogram all = new LatencyHistogram();
        for (int r = 0; r < 10; r++) {
            LatencyHistogram histogram = new LatencyHistogram();
            for (int s = 0; s < 100; s++) {
                double z = random.nextGaussian();
                double nanos = level * Math.exp(0.1 * z);
                histogram.record(Math.round(z > 1.28 ? nanos * tail : nanos));
            }
            all.add(histogram);
            rounds.add(new Round(100, 0, 1_000_000_000L, histogram.encode(), null));
        }
        return new Measurement(1000, 0, Map.of(), null, 10_000_000_000L, all.encode(), null, null, rounds);
    }

    /** The 10 ms test of issue 9, measured in one JVM per level. */
    private static TestResult forked(long seed, double tail, double... levels) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Measurement> jvms = new ArrayList<>();
        for (double level : levels) {
            jvms.add(jvm(random, level, tail));
        }
        TestResult declared = new TestResult(TestResult.SCHEMA_VERSION, ResultKind.JUNIT,
                "[engine:junit-jupiter]/[class:com.example.SlowTest]/[method:tenMillis()]", "com.example.SlowTest",
                "tenMillis", "tenMillis()", ResultStatus.DECLARED, null,
                List.of(new GateDeclaration("LatencyGate", Level.BLOCKING, false, "method SlowTest#tenMillis",
                        Map.of("p95", "200ms", "p99", "500ms"), null)),
                new Workload("standard", 100, 0, 1000, 0, 1, 0), null, null, Results.ENVIRONMENT, RECORDED, null, null,
                null);
        return declared.completed(ForkedMeasurement.merge(jvms));
    }

    private BaselineComparison compareWith(TestResult baseline, TestResult current) {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        store.record(List.of(baseline), BASE, null, RECORDED, false);
        return new BaselineComparator(store, BaselineComparator.Settings.defaults())
                .compare(List.of(current), CHANGE, null, RECORDED.plusSeconds(600));
    }

    private static MetricComparison of(BaselineComparison comparison, RegressionMetric metric) {
        return comparison.comparisons().stream().map(BaselineComparison.Compared::comparison)
                .filter(c -> c.metric() == metric).findFirst()
                .orElseThrow(() -> new AssertionError(metric + " dropped out: " + comparison.comparisons()));
    }

    @Test
    void theBaselineKeepsTheJvmOfEveryValue() throws Exception {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        store.record(List.of(forked(1, 1, 10e6, 10.2e6, 9.9e6)), BASE, null, RECORDED, false);

        TestBaseline baseline = store.readAll().byTestId().values().iterator().next();
        assertEquals(30, baseline.metricsOf(null).get("p50").values().size());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2),
                baseline.metricsOf(null).get("p50").jvms());
        // p99 needs 1,000 samples: one value per JVM, each JVM's ten rounds pooled
        assertEquals(List.of(0, 1, 2), baseline.metricsOf(null).get("p99").jvms());
        try (var files = Files.list(project.resolve(".perfgate/baselines"))) {
            assertTrue(Files.readString(files.findFirst().orElseThrow()).contains("\"jvms\""));
        }
    }

    @Test
    void aBaselineWhoseFirstJvmWasQuickIsNeverARegressionOfTheNextJvms() {
        // identical code measured 172 us in one JVM and 243-254 us in the next: the same ratio here
        BaselineComparison comparison = compareWith(forked(1, 1, 6.8e6, 9.6e6, 10e6), forked(2, 1, 9.7e6, 10e6, 9.8e6));

        assertFalse(comparison.hasBlocking(), comparison.blockingMessages().toString());
        MetricComparison p50 = of(comparison, RegressionMetric.P50);
        assertEquals(RegressionOutcome.INCONCLUSIVE, p50.outcome(), p50.message());
        assertEquals(Undecided.JVM_SPREAD, p50.undecided(), p50.message());
        assertTrue(p50.message().contains("JVM spread 15% between 3 + 3 JVMs"), p50.message());
        assertTrue(p50.message().contains("-Dperfgate.forks=") && p50.message().contains("mvn perfgate:compare"),
                p50.message());
    }

    @Test
    void doublingTheTailOfATenMillisecondTestMeasuredInThreeJvmsIsARegressionOfP95() {
        BaselineComparison comparison = compareWith(forked(1, 1, 10e6, 10.2e6, 9.9e6), forked(2, 2, 10.1e6, 9.9e6, 10e6));

        MetricComparison p95 = of(comparison, RegressionMetric.P95);
        assertEquals(RegressionOutcome.REGRESSED, p95.outcome(), p95.message());
        assertEquals(15, p95.currentReplicates(), "five groups of two rounds in each of three JVMs");
        assertTrue(p95.message().contains("JVM spread "), p95.message());
        MetricComparison p99 = of(comparison, RegressionMetric.P99);
        assertNotEquals(Undecided.NOT_COMPARABLE, p99.undecided(),
                "three JVMs give three p99 values of 1,000 samples each: " + p99.message());
        assertNotEquals(RegressionOutcome.UNCHANGED, p99.outcome(), p99.message());
        assertEquals(3, p99.currentReplicates());
        assertTrue(comparison.hasBlocking());
    }

    @Test
    void thirtyPercentMoreWorkInAgreeingJvmsIsARegressionOfP50() {
        BaselineComparison comparison = compareWith(forked(1, 1, 10e6, 10.2e6, 9.9e6),
                forked(2, 1, 13e6, 13.2e6, 12.9e6));

        MetricComparison p50 = of(comparison, RegressionMetric.P50);
        assertEquals(RegressionOutcome.REGRESSED, p50.outcome(), p50.message());
        assertTrue(p50.message().startsWith("p50 +3"), p50.message());
    }

    @Test
    void aRunInOneJvmIsComparedWithTheSpreadOfTheForkedBaseline() {
        BaselineComparison comparison = compareWith(forked(1, 1, 6.8e6, 9.6e6, 10e6), forked(2, 1, 9.8e6));

        assertFalse(comparison.hasBlocking(), comparison.blockingMessages().toString());
        MetricComparison p50 = of(comparison, RegressionMetric.P50);
        assertTrue(p50.message().contains("between 3 + 1 JVMs"), p50.message());
    }
}
