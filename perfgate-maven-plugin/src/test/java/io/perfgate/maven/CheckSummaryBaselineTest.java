package io.perfgate.maven;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.baseline.BaselineComparator;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.baseline.BaselineStore;
import io.perfgate.core.baseline.SourceVersion;
import io.perfgate.core.check.CheckReport;
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

/** What check prints and throws for a comparison with the baseline. */
class CheckSummaryBaselineTest {
    private static final Instant RECORDED = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path project;

    /** Ten rounds of 1,000 lognormal latencies around {@code medianNanos}. */
    private static TestResult measured(double medianNanos, long seed, Level level) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Round> rounds = new ArrayList<>();
        LatencyHistogram all = new LatencyHistogram();
        for (int r = 0; r < 10; r++) {
            LatencyHistogram round = new LatencyHistogram();
            for (int s = 0; s < 1000; s++) {
                round.record(Math.round(medianNanos * Math.exp(0.3 * random.nextGaussian())));
            }
            all.add(round);
            rounds.add(new Round(1000, 0, 1000 * (long) medianNanos, round.encode(), null));
        }
        GateDeclaration gate = new GateDeclaration("LatencyGate", level, false, "method OrderTest#create",
                Map.of("p95", "1s"), null);
        // a JVM without -ea: surefire's own JVM has assertions on, which makes comparisons unfair
        Environment environment = new Environment("17.0.9", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "Linux",
                "amd64", 2, "CPU", 1L << 30, List.of("-Xmx1g"), false);
        return new TestResult(TestResult.SCHEMA_VERSION, ResultKind.JUNIT,
                "[engine:junit-jupiter]/[class:app.OrderTest]/[method:create()]", "app.OrderTest", "create", "create()",
                ResultStatus.DECLARED, null, List.of(gate), null, null, null, environment, RECORDED, null, null, null)
                .completed(new Measurement(10_000, 0, null, null, 10_000 * (long) medianNanos, all.encode(), null,
                        null, rounds));
    }

    private CheckSummary summary(TestResult baseline, TestResult current) {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        store.record(List.of(baseline), new SourceVersion("abc1234def", "main", false), null, RECORDED, false);
        BaselineComparison comparison = new BaselineComparator(store, BaselineComparator.Settings.defaults())
                .compare(List.of(current), new SourceVersion("fed4321", "feature", false), null, RECORDED.plusSeconds(60));
        CheckReport report = CheckReport.of("app", "target/perfgate/index.html", List.of(current)).withBaseline(comparison);
        return new CheckSummary(report, "/abs/app/target/perfgate/index.html", false);
    }

    @Test
    void aBlockingRegressionIsAnErrorAndFailsWithChangeIntervalAndTheWayOut() {
        CheckSummary summary = summary(measured(2e6, 1, Level.BLOCKING), measured(2.6e6, 2, Level.BLOCKING));
        List<CheckSummary.Line> lines = summary.lines();
        assertTrue(lines.contains(new CheckSummary.Line(CheckSummary.Severity.INFO,
                "Baseline: 4 metrics compared, 3 regressed, 0 inconclusive, 1 unchanged, 0 improved")), lines.toString());
        List<String> errors = lines.stream().filter(line -> line.severity() == CheckSummary.Severity.ERROR)
                .map(CheckSummary.Line::text).toList();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(error -> error.matches("\\[REGRESSED] p95 \\+(2[5-9]|3[0-5])% \\[\\+[23][0-9]%,"
                + " \\+[23][0-9]%] vs baseline \\(commit abc1234\\) exceeds the allowed \\+20% \\(OrderTest#create, .*")),
                errors.toString());

        String failure = summary.failureMessage();
        assertTrue(failure.startsWith("perfgate: 3 blocking regressions against the baseline:"), failure);
        assertTrue(failure.contains("  [REGRESSED] p95 +"), failure);
        assertTrue(failure.contains("accept an intended change with mvn perfgate:baseline"
                + " -Dperfgate.accept=Test#method:metric"), failure);
    }

    @Test
    void aRegressionUnderAWarningGateIsAWarning() {
        CheckSummary summary = summary(measured(2e6, 1, Level.WARNING), measured(2.6e6, 2, Level.WARNING));
        List<CheckSummary.Line> warnings = summary.lines().stream()
                .filter(line -> line.severity() == CheckSummary.Severity.WARN).toList();
        assertTrue(warnings.stream().anyMatch(line -> line.text().startsWith("[REGRESSED] (level WARNING) p95 +")),
                warnings.toString());
        assertTrue(summary.lines().stream().noneMatch(line -> line.severity() == CheckSummary.Severity.ERROR));
    }

    @Test
    void assertionsOnBothSidesAreComparedSoASlowdownStillFails() {
        CheckSummary summary = summary(withAssertions(measured(2e6, 1, Level.BLOCKING)),
                withAssertions(measured(2.6e6, 2, Level.BLOCKING)));
        assertTrue(summary.lines().stream().anyMatch(line -> line.severity() == CheckSummary.Severity.ERROR
                && line.text().startsWith("[REGRESSED] p95 +")), summary.lines().toString());
    }

    @Test
    void assertionsOnOneSideOnlyMakeTheComparisonInconclusive() {
        CheckSummary summary = summary(measured(2e6, 1, Level.BLOCKING), withAssertions(measured(2.6e6, 2, Level.BLOCKING)));
        List<String> warnings = summary.lines().stream().filter(line -> line.severity() == CheckSummary.Severity.WARN)
                .map(CheckSummary.Line::text).toList();
        assertTrue(warnings.stream().anyMatch(warning -> warning.contains("is not a fair comparison")
                && warning.contains("assertions enabled (-ea) in one run only")), warnings.toString());
        assertTrue(summary.lines().stream().noneMatch(line -> line.severity() == CheckSummary.Severity.ERROR));
    }

    private static TestResult withAssertions(TestResult result) {
        Environment e = result.environment();
        Environment withEa = new Environment(e.javaVersion(), e.javaVendor(), e.vmName(), e.osName(), e.osArch(),
                e.availableProcessors(), e.cpuModel(), e.maxHeapBytes(), e.jvmArguments(), true);
        return result.withEnvironment(withEa);
    }

    @Test
    void anUnchangedRunSaysSoAndPrintsNoComparison() {
        CheckSummary summary = summary(measured(2e6, 1, Level.BLOCKING), measured(2e6, 3, Level.BLOCKING));
        assertTrue(summary.lines().stream().noneMatch(line -> line.text().startsWith("[")), summary.lines().toString());
        assertTrue(summary.lines().stream().anyMatch(line -> line.text().startsWith("Baseline: 4 metrics compared, 0 regressed")));
    }
}
