package io.perfgate.core.check;

import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.recommend.Recommendation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code check} decided for one module: one outcome per result, sorted for stable reports.
 *
 * @param projectName    shown in report titles
 * @param reportLocation where the HTML report is written, named in messages
 * @param baseline       the comparison with the project's baseline store; null when none was made
 * @param recommendations ranked suggestions from the results' evidence; they decide nothing
 */
public record CheckReport(String projectName, Instant generatedAt, String reportLocation, List<TestOutcome> tests,
                          BaselineComparison baseline, List<Recommendation> recommendations) {

    public CheckReport {
        tests = tests.stream()
                .sorted((a, b) -> {
                    int byClass = String.valueOf(a.result().className()).compareTo(String.valueOf(b.result().className()));
                    return byClass != 0 ? byClass : a.label().compareTo(b.label());
                })
                .toList();
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** A report without recommendations. */
    public CheckReport(String projectName, Instant generatedAt, String reportLocation, List<TestOutcome> tests,
                       BaselineComparison baseline) {
        this(projectName, generatedAt, reportLocation, tests, baseline, List.of());
    }

    /** A report without a baseline comparison. */
    public CheckReport(String projectName, Instant generatedAt, String reportLocation, List<TestOutcome> tests) {
        this(projectName, generatedAt, reportLocation, tests, null);
    }

    /** This report with the comparison against the baseline store. */
    public CheckReport withBaseline(BaselineComparison comparison) {
        return new CheckReport(projectName, generatedAt, reportLocation, tests, comparison, recommendations);
    }

    /** This report with the recommendations its evidence gives. */
    public CheckReport withRecommendations(List<Recommendation> ranked) {
        return new CheckReport(projectName, generatedAt, reportLocation, tests, baseline, ranked);
    }

    /** Judges every result with one evaluator, failing on INCONCLUSIVE where a gate does not allow it. */
    public static CheckReport of(String projectName, String reportLocation, List<io.perfgate.core.result.TestResult> results) {
        return of(projectName, reportLocation, results, true);
    }

    /** @param failOnInconclusive false to accept INCONCLUSIVE on every gate ({@code -Dperfgate.failOnInconclusive=false}) */
    public static CheckReport of(String projectName, String reportLocation, List<io.perfgate.core.result.TestResult> results,
                                 boolean failOnInconclusive) {
        GateEvaluator evaluator = new GateEvaluator(reportLocation, failOnInconclusive,
                io.perfgate.core.result.TestLabels.distinct(results));
        return new CheckReport(projectName, Instant.now(), reportLocation,
                results.stream().map(evaluator::evaluate).toList());
    }

    /** Tests per verdict, every verdict present. */
    public Map<Verdict, Integer> countsByVerdict() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0);
        }
        tests.forEach(test -> counts.merge(test.verdict(), 1, Integer::sum));
        return counts;
    }

    /**
     * Every message of a violation that fails the build, one per metric beyond its threshold (or without
     * a verdict) or per gate that could not be judged; their number is the count of blocking violations.
     */
    public List<String> blockingMessages() {
        List<String> messages = new java.util.ArrayList<>(tests.stream().flatMap(test -> test.gates().stream())
                .flatMap(gate -> gate.blockingMessages().stream()).toList());
        if (baseline != null) {
            messages.addAll(baseline.blockingMessages());
        }
        return List.copyOf(messages);
    }

    /** Gate outcomes that fail the build. */
    public List<GateOutcome> blockingViolations() {
        return tests.stream().flatMap(test -> test.gates().stream()).filter(GateOutcome::blocks).toList();
    }

    /** Violations that are reported but do not fail the build (WARN, WARNING and ADVISORY levels, allowed INCONCLUSIVE). */
    public List<GateOutcome> nonBlockingViolations() {
        return tests.stream().flatMap(test -> test.gates().stream())
                .filter(gate -> gate.violated() && !gate.blocks()).toList();
    }

    /** Every waiver met by a violation, applied or expired, in report order. */
    public List<Waived> waivers() {
        return tests.stream().flatMap(test -> test.gates().stream()).flatMap(gate -> gate.waivers().stream()).toList();
    }

    /** Whether the build fails: a blocking gate violation, a blocking regression, or an unusable baseline. */
    public boolean hasBlockingViolations() {
        return !blockingViolations().isEmpty() || (baseline != null && baseline.hasBlocking());
    }
}
