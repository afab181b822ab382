package io.perfgate.maven;

import io.perfgate.core.baseline.BaselineComparator;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.baseline.BaselineStore;
import io.perfgate.core.baseline.SourceVersion;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16 item 5: an unchanged rerun prints a few lines of regression output, not one per metric. */
class BaselineLinesTest {
    private static final Instant RECORDED = Instant.parse("2024-05-01T10:00:00Z");
    private static final Environment PLAIN = new Environment("17.0.9", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM",
            "Linux", "amd64", 2, "CPU", 1L << 30, List.of("-Xmx1g"), false);
    private static final Environment COVERED = new Environment("17.0.9", "Eclipse Adoptium",
            "OpenJDK 64-Bit Server VM", "Linux", "amd64", 2, "CPU", 1L << 30,
            List.of("-Xmx1g", "-javaagent:/m2/org.jacoco.agent-0.8.12-runtime.jar=destfile=target/jacoco.exec"), false);

    @TempDir
    Path project;

    /** {@code tests} gated tests, each with {@code rounds} rounds of 1,000 latencies around 2 ms. */
    private static List<TestResult> suite(int tests, int rounds, long seed, Environment environment) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TestResult> results = new ArrayList<>();
        for (int t = 0; t < tests; t++) {
            List<Round> recorded = new ArrayList<>();
            LatencyHistogram all = new LatencyHistogram();
            for (int r = 0; r < rounds; r++) {
                LatencyHistogram round = new LatencyHistogram();
                double level = 2e6 * Math.exp(0.05 * random.nextGaussian());
                for (int s = 0; s < 1000; s++) {
                    round.record(Math.round(level * Math.exp(0.3 * random.nextGaussian())));
                }
                all.add(round);
                recorded.add(new Round(1000, 0, 2_000_000_000L, round.encode(), null));
            }
            GateDeclaration gate = new GateDeclaration("LatencyGate", Level.BLOCKING, false, "method T" + t + "#run",
                    Map.of("p95", "1s"), null);
            results.add(new TestResult(TestResult.SCHEMA_VERSION, io.perfgate.core.result.ResultKind.JUNIT,
                    "[engine:junit-jupiter]/[class:app.T" + t + "]/[method:run()]", "app.T" + t, "run", "run()",
                    ResultStatus.DECLARED, null, List.of(gate), null, null, null, environment, RECORDED, null, null, null)
                    .completed(new Measurement(1000L * rounds, 0, null, null, 2_000_000_000L * rounds, all.encode(),
                            null, null, recorded)));
        }
        return results;
    }

    private BaselineComparison compare(List<TestResult> baseline, List<TestResult> current) {
        return compare(baseline, current, BaselineComparator.Settings.defaults());
    }

    private BaselineComparison compare(List<TestResult> baseline, List<TestResult> current,
                                       BaselineComparator.Settings settings) {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        store.record(baseline, new SourceVersion("abc1234def", "main", false), "smoke", RECORDED, false);
        return new BaselineComparator(store, settings)
                .compare(current, new SourceVersion("fed4321", "feature", false), "smoke", RECORDED.plusSeconds(60));
    }

    private static List<String> warnings(List<CheckSummary.Line> lines) {
        return lines.stream().filter(line -> line.severity() == CheckSummary.Severity.WARN)
                .map(CheckSummary.Line::text).toList();
    }

    @Test
    void fiveRoundsOverFortyFourComparisonsIsOneLineWithTheFixNotAWarningPerMetric() {
        BaselineComparison comparison = compare(suite(11, 5, 1, PLAIN), suite(11, 5, 2, PLAIN));
        assertEquals(44, comparison.comparisons().size());

        List<CheckSummary.Line> lines = new BaselineLines(comparison, false).lines();

        List<String> warnings = warnings(lines);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Regression detection cannot fire: 44 of 44 comparisons can never show a"
                + " regression, since 5 vs 5 replicates reach at best p = 44/252 = 0.17 after Holm over 44"
                + " comparisons"), warnings.get(0));
        assertTrue(warnings.get(0).contains("-Dperfgate.profile=standard records 10"), warnings.get(0));
        assertTrue(lines.size() <= 4, lines.toString());
    }

    @Test
    void aCoverageAgentOnEveryComparisonIsOneCountAndOneExample() {
        BaselineComparison comparison = compare(suite(12, 10, 1, PLAIN), suite(12, 10, 2, COVERED));

        List<String> warnings = warnings(new BaselineLines(comparison, false).lines());

        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals("Baseline: 48 comparisons INCONCLUSIVE: 48 not a fair comparison; every one is in the report"
                + " (or -Dperfgate.regression.details=true). For example:", warnings.get(0));
        assertTrue(warnings.get(1).startsWith("[INCONCLUSIVE] p50 "), warnings.get(1));
        assertTrue(warnings.get(1).contains("coverage agent org.jacoco.agent"), warnings.get(1));
        assertTrue(warnings.get(1).contains("README's \"Coverage agents\""), warnings.get(1));
    }

    @Test
    void testsWithoutACleanRoundAreNamedInOneWarning() {
        List<TestResult> current = new ArrayList<>(suite(3, 10, 2, PLAIN));
        for (int t = 0; t < 2; t++) {
            io.perfgate.core.result.Contention waited = new io.perfgate.core.result.Contention(
                    io.perfgate.core.result.Contention.SCHEDSTAT, 0.6, 0, 0.7, 0.10, 0, 20, 10, 0.6, 1_000_000L, null,
                    3.0);
            current.set(t, current.get(t).withMeasurement(new Measurement(0, 0, null, null, 0, null, null, null,
                    List.of()).withContention(waited, null), null));
        }
        BaselineComparison comparison = compare(suite(3, 10, 1, PLAIN), current);

        List<String> warnings = warnings(new BaselineLines(comparison, false).lines());

        assertEquals(List.of("Baseline: 2 tests not compared, because every round waited for a CPU beyond the share"
                + " allowed and was discarded: T0#run, T1#run; rerun on a quieter machine, or compare against the base"
                + " commit in one build (mvn verify perfgate:compare)"), warnings);
        assertTrue(new BaselineLines(comparison, true).lines().stream().anyMatch(line -> line.text().startsWith(
                "[INCONCLUSIVE] p95 of T0#run is not compared with the baseline (commit abc1234): no round")));
    }

    @Test
    void detailsPrintEveryUndecidedComparison() {
        BaselineComparison comparison = compare(suite(12, 10, 1, PLAIN), suite(12, 10, 2, COVERED));

        List<String> warnings = warnings(new BaselineLines(comparison, true).lines());

        assertEquals(48, warnings.size());
        assertTrue(warnings.stream().allMatch(line -> line.startsWith("[INCONCLUSIVE] ")));
    }

    @Test
    void aFewUndecidedComparisonsArePrintedAsTheyAre() {
        // p50 as configured, p95 because the gate names it
        BaselineComparison comparison = compare(suite(1, 10, 1, PLAIN), suite(1, 10, 2, COVERED),
                BaselineComparator.Settings.defaults().withMetrics(java.util.Set.of(
                        io.perfgate.core.regression.RegressionMetric.P50)));

        List<String> warnings = warnings(new BaselineLines(comparison, false).lines());

        assertEquals(2, comparison.comparisons().size());
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().allMatch(line -> line.startsWith("[INCONCLUSIVE] ")));
    }
}
