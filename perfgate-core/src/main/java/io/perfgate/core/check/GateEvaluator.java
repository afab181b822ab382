package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.spec.GateReader;
import io.perfgate.core.spec.GateSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Judges a result against its declared gates: reads each declaration into a {@link GateSpec}, picks the
 * measurement it applies to, and hands each bound to the judge of its family. The same judgement serves
 * {@code check} and a test run without the plugin, so both print the same messages.
 */
public final class GateEvaluator {

    /** Added when a result declares no {@code @ErrorRateGate}: a thrown exception is never allowed silently. */
    public static final GateDeclaration NO_ERRORS_ALLOWED = new GateDeclaration(
            GateType.ERROR_RATE.declarationName(), Level.BLOCKING, false,
            "default (no @ErrorRateGate declared)", Map.of("max", "0%"), null);

    private static final GateJudge LATENCY = new LatencyJudge();
    private static final GateJudge THROUGHPUT = new ThroughputJudge();
    private static final GateJudge ERROR_RATE = new ErrorRateJudge();
    private static final GateJudge MEMORY = new MemoryJudge();
    private static final GateJudge LEAK = new LeakJudge();
    private static final GateJudge DATABASE = new DatabaseJudge();
    private static final GateJudge BENCHMARK = new BenchmarkJudge(LATENCY);
    private static final GateJudge FRONTEND = new FrontendGateJudge();

    private final String reportLocation;
    private final boolean failOnInconclusive;
    private final Function<TestResult, String> labels;

    /** @param reportLocation where the report is, named in messages; null when there is none (IDE runs) */
    public GateEvaluator(String reportLocation) {
        this(reportLocation, true);
    }

    /**
     * @param failOnInconclusive false to accept INCONCLUSIVE on every gate, as if each declared
     *                           {@code allowInconclusive = true} ({@code -Dperfgate.failOnInconclusive=false})
     */
    public GateEvaluator(String reportLocation, boolean failOnInconclusive) {
        this(reportLocation, failOnInconclusive, TestResult::label);
    }

    /** @param labels how this run names each test in messages ({@link io.perfgate.core.result.TestLabels#distinct}) */
    public GateEvaluator(String reportLocation, boolean failOnInconclusive, Function<TestResult, String> labels) {
        this.reportLocation = reportLocation;
        this.failOnInconclusive = failOnInconclusive;
        this.labels = labels;
    }

    public TestOutcome evaluate(TestResult result) {
        if (result.benchmark() != null) {
            return evaluateBenchmark(result);
        }
        List<GateOutcome> gates = new ArrayList<>();
        boolean errorGateDeclared = result.gates().stream()
                .anyMatch(gate -> gate.is(GateType.ERROR_RATE) && gate.scope() == null)
                // a page's gates fail on their own when Lighthouse could not measure it
                || (result.frontend() != null && !result.gates().isEmpty());
        for (GateDeclaration declaration : result.gates()) {
            gates.add(evaluate(result, declaration, false));
        }
        // A result that only got as far as DECLARED fails through its declared gates; without any, through this one.
        boolean judgeErrors = result.status() == ResultStatus.COMPLETED
                || (result.status() == ResultStatus.DECLARED && result.gates().isEmpty());
        if (!errorGateDeclared && judgeErrors) {
            gates.add(evaluate(result, NO_ERRORS_ALLOWED, true));
        }
        return new TestOutcome(result, labels.apply(result), Verdict.worst(gates.stream().map(GateOutcome::verdict).toList()), gates);
    }

    private GateOutcome evaluate(TestResult result, GateDeclaration declaration, boolean implicit) {
        if (result.status() == ResultStatus.SKIPPED) {
            return outcome(declaration, implicit, Verdict.SKIPPED, List.of(), null);
        }
        // The declaration is judged before the measurement: a bad bound is why a recorder measured nothing.
        GateSpec gate;
        try {
            gate = GateReader.read(declaration);
        } catch (InvalidGateException e) {
            String problem = declaration.type().isEmpty() ? labels.apply(result) + ": " + e.getMessage()
                    : e.getMessage() + (declaration.bounds().isEmpty() ? reportSuffix() : "");
            return outcome(declaration, implicit, Verdict.FAIL, List.of(), problem);
        }
        if (result.status() == ResultStatus.DECLARED || result.measurement() == null) {
            // a recorded reason says what happened and where to look (a JUnit test's failure, a missing result's
            // JVM, an import's files); without one, the recorder wrote its declaration and went no further
            boolean reasoned = result.statusReason() != null;
            String what = reasoned ? " recorded no measurement" : " started but recorded no measurement";
            String why = reasoned ? result.statusReason() : "the test did not finish (a crash, a timeout or a killed"
                    + " test JVM); see its output in the test report";
            return outcome(declaration, implicit, Verdict.FAIL, List.of(),
                    labels.apply(result) + what + (implicit ? "" : ", so @" + declaration.gate() + " cannot be judged")
                            + ": " + why + reportSuffix());
        }
        Measurement measurement = result.measurement();
        if (gate.scope() != null) {
            measurement = result.endpoints() == null ? null : result.endpoints().get(gate.scope());
            if (measurement == null) {
                return outcome(declaration, implicit, Verdict.FAIL, List.of(),
                        labels.apply(result) + ": @" + declaration.gate() + " on " + declaration.declaredOn() + " names '"
                                + gate.scope() + "', which recorded no measurement" + reportSuffix());
            }
        }
        Subject subject = new Subject(result, labels.apply(result), measurement, gate.scope(), reportLocation);
        List<MetricOutcome> metrics = new ArrayList<>();
        try {
            for (Map.Entry<Metric, Bound> entry : gate.bounds().entrySet()) {
                metrics.add(judge(subject, entry.getKey(), entry.getValue()));
            }
        } catch (InvalidGateException e) {
            return outcome(declaration, implicit, Verdict.FAIL, List.of(), e.getMessage());
        }
        return outcome(declaration, implicit, Verdict.worst(metrics.stream().map(MetricOutcome::verdict).toList()),
                metrics, null);
    }

    private static MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        if (subject.benchmark() != null) {
            return ContentionReview.review(subject, metric, bound, BENCHMARK.judge(subject, metric, bound), BENCHMARK);
        }
        Measurement measurement = subject.measurement();
        // the reason names its own cause and remedy: a generator behind its schedule, or a plan beyond its limits
        if (measurement.behindSchedule() != null && metric.gateType() != GateType.MEMORY) {
            return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, null, measurement.invocations(), null, null,
                    metric.label() + " has no verdict" + subject.context(measurement.invocations()) + ": "
                            + measurement.behindSchedule());
        }
        GateJudge judge = switch (metric.gateType()) {
            case LATENCY -> LATENCY;
            case THROUGHPUT -> THROUGHPUT;
            case ERROR_RATE -> ERROR_RATE;
            case MEMORY -> metric == Metric.LEAK_PER_INVOCATION || metric == Metric.LEAK_PER_HOUR ? LEAK : MEMORY;
            case DATABASE -> DATABASE;
            case FRONTEND -> FRONTEND;
        };
        return ContentionReview.review(subject, metric, bound, judge.judge(subject, metric, bound), judge);
    }

    /**
     * A benchmark's gates. JMH records no error counts: a benchmark that threw is a failure of its own,
     * and one that ran cleanly has only the gates declared on it.
     */
    private TestOutcome evaluateBenchmark(TestResult result) {
        List<GateOutcome> gates = new ArrayList<>();
        if (result.benchmark().failure() != null && result.status() == ResultStatus.COMPLETED) {
            gates.add(outcome(NO_ERRORS_ALLOWED, true, Verdict.FAIL, List.of(),
                    labels.apply(result) + " failed in JMH, so none of its figures count: " + result.benchmark().failure()
                            + "; fix the benchmark (JMH's output holds the whole stack trace)" + reportSuffix()));
            for (GateDeclaration declaration : result.gates()) {
                gates.add(outcome(declaration, false, Verdict.FAIL, List.of(),
                        "@" + declaration.gate() + " on " + declaration.declaredOn() + " was not judged: "
                                + labels.apply(result) + " failed in JMH" + reportSuffix()));
            }
        } else {
            for (GateDeclaration declaration : result.gates()) {
                gates.add(evaluate(result, declaration, false));
            }
        }
        // a benchmark without gates that ran cleanly is reported, and passes
        Verdict verdict = gates.isEmpty() && result.status() == ResultStatus.COMPLETED ? Verdict.PASS
                : Verdict.worst(gates.stream().map(GateOutcome::verdict).toList());
        return new TestOutcome(result, labels.apply(result), verdict, gates);
    }

    /** The outcome, accepting INCONCLUSIVE where the gate or this evaluator's setting does. */
    private GateOutcome outcome(GateDeclaration declaration, boolean implicit, Verdict verdict,
                                List<MetricOutcome> metrics, String problem) {
        return new GateOutcome(declaration, implicit, declaration.allowInconclusive() || !failOnInconclusive,
                verdict, metrics, problem);
    }

    private String reportSuffix() {
        return reportLocation == null ? "" : " (report: " + reportLocation + ")";
    }
}
