package io.perfgate.core.check;

import io.perfgate.core.frontend.FrontendJudge;
import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.jmh.BenchmarkMode;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.PercentileInterval;
import io.perfgate.core.memory.LeakEstimate;
import io.perfgate.core.memory.SlopeEstimate;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.HeapSample;
import io.perfgate.core.result.HeapTrend;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Judges a result against its declared gates. The same judgement serves {@code check} and a test run
 * without the plugin, so both print the same messages.
 */
public final class GateEvaluator {

    /** Added when a result declares no {@code @ErrorRateGate}: a thrown exception is never allowed silently. */
    public static final GateDeclaration NO_ERRORS_ALLOWED = new GateDeclaration(
            GateType.ERROR_RATE.declarationName(), Level.BLOCKING, false,
            "default (no @ErrorRateGate declared)", Map.of("max", "0%"), null);

    private final String reportLocation;

    /** @param reportLocation where the report is, named in messages; null when there is none (IDE runs) */
    public GateEvaluator(String reportLocation) {
        this.reportLocation = reportLocation;
    }

    public TestOutcome evaluate(TestResult result) {
        if (result.benchmark() != null) {
            return evaluateBenchmark(result);
        }
        List<GateOutcome> gates = new ArrayList<>();
        List<GateDeclaration> declared = new ArrayList<>(result.gates());
        boolean errorGateDeclared = declared.stream()
                .anyMatch(gate -> GateType.ERROR_RATE.declarationName().equals(gate.gate()) && gate.scope() == null)
                // a page's gates fail on their own when Lighthouse could not measure it
                || (result.frontend() != null && !declared.isEmpty());
        for (GateDeclaration declaration : declared) {
            gates.add(evaluate(result, declaration, false));
        }
        // A result that only got as far as DECLARED fails through its declared gates; without any, through this one.
        boolean judgeErrors = result.status() == ResultStatus.COMPLETED
                || (result.status() == ResultStatus.DECLARED && declared.isEmpty());
        if (!errorGateDeclared && judgeErrors) {
            gates.add(evaluate(result, NO_ERRORS_ALLOWED, true));
        }
        Verdict verdict = Verdict.worst(gates.stream().map(GateOutcome::verdict).toList());
        return new TestOutcome(result, verdict, gates);
    }

    private GateOutcome evaluate(TestResult result, GateDeclaration declaration, boolean implicit) {
        String where = "@" + declaration.gate() + " on " + declaration.declaredOn();
        if (result.status() == ResultStatus.SKIPPED) {
            return new GateOutcome(declaration, implicit, Verdict.SKIPPED, List.of(), null);
        }
        if (declaration.bounds().isEmpty()) {
            return new GateOutcome(declaration, implicit, Verdict.FAIL, List.of(),
                    where + " sets no bound; set at least one" + reportSuffix());
        }
        // The declaration is judged before the measurement: a bad bound is why a recorder measured nothing.
        Map<Metric, Bound> bounds;
        try {
            bounds = bounds(result, declaration);
        } catch (InvalidGateException e) {
            return new GateOutcome(declaration, implicit, Verdict.FAIL, List.of(), e.getMessage());
        }
        if (result.status() == ResultStatus.DECLARED || result.measurement() == null) {
            String why = result.statusReason() != null ? result.statusReason() + "; see the test's failure"
                    : "the test did not finish (a crash, a timeout or a killed test JVM); see its output";
            return new GateOutcome(declaration, implicit, Verdict.FAIL, List.of(),
                    result.label() + " started but recorded no measurement"
                            + (implicit ? "" : ", so @" + declaration.gate() + " cannot be judged")
                            + ": " + why + " in the test report" + reportSuffix());
        }
        Measurement measurement = result.measurement();
        if (declaration.scope() != null) {
            measurement = result.endpoints() == null ? null : result.endpoints().get(declaration.scope());
            if (measurement == null) {
                return new GateOutcome(declaration, implicit, Verdict.FAIL, List.of(),
                        result.label() + ": " + where + " names '" + declaration.scope()
                                + "', which recorded no measurement" + reportSuffix());
            }
        }
        List<MetricOutcome> metrics = new ArrayList<>();
        try {
            for (Map.Entry<Metric, Bound> entry : bounds.entrySet()) {
                metrics.add(naming(declaration.scope(), result, judge(result, measurement, entry.getKey(), entry.getValue())));
            }
        } catch (InvalidGateException e) {
            return new GateOutcome(declaration, implicit, Verdict.FAIL, List.of(), e.getMessage());
        }
        Verdict verdict = Verdict.worst(metrics.stream().map(MetricOutcome::verdict).toList());
        return new GateOutcome(declaration, implicit, verdict, metrics, null);
    }

    /** The declared bounds, parsed; sorted, so that of several bad attributes the same one is reported on every run. */
    private static Map<Metric, Bound> bounds(TestResult result, GateDeclaration declaration) {
        GateType type;
        try {
            type = GateType.fromDeclarationName(declaration.gate());
        } catch (InvalidGateException e) {
            throw new InvalidGateException(result.label() + ": " + e.getMessage());
        }
        Map<Metric, Bound> bounds = new TreeMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(declaration.bounds()).entrySet()) {
            String source = "@" + declaration.gate() + "(" + entry.getKey() + " = \"" + entry.getValue()
                    + "\") on " + declaration.declaredOn();
            Metric metric = Metric.of(type, entry.getKey(), source);
            bounds.put(metric, metric.parseBound(entry.getValue(), source));
        }
        return bounds;
    }

    private MetricOutcome judge(TestResult result, Measurement measurement, Metric metric, Bound bound) {
        if (result.benchmark() != null) {
            return judgeBenchmark(result, measurement, metric, bound);
        }
        if (measurement.behindSchedule() != null && metric.gateType() != GateType.MEMORY) {
            return outcome(result, metric, bound, Verdict.INCONCLUSIVE, null, measurement.invocations(), null, null,
                    metric.label() + " has no verdict: the load generator fell behind its schedule ("
                            + measurement.behindSchedule() + ")" + context(result, measurement.invocations())
                            + "; give the generator more threads or connections, or lower the rate");
        }
        return switch (metric.gateType()) {
            case LATENCY -> judgeLatency(result, measurement, metric, bound);
            case THROUGHPUT -> judgeThroughput(result, measurement, metric, bound);
            case ERROR_RATE -> judgeErrorRate(result, measurement, metric, bound);
            case MEMORY -> metric == Metric.LEAK_PER_INVOCATION || metric == Metric.LEAK_PER_HOUR
                    ? judgeLeak(result, measurement, metric, bound)
                    : judgeMemory(result, measurement, metric, bound);
            case DATABASE -> judgeDatabase(result, measurement, metric, bound);
            case FRONTEND -> new FrontendJudge(reportLocation).judge(result, metric, bound);
        };
    }

    private MetricOutcome judgeLatency(TestResult result, Measurement measurement, Metric metric, Bound bound) {
        LatencyHistogram histogram = histogramOf(result, measurement);
        long samples = histogram.count();
        if (samples == 0) {
            return notMeasured(result, metric, bound, 0, "no successful invocation was recorded"
                    + (measurement.errors() > 0 ? " (all " + QuantityKind.grouped(measurement.errors()) + " threw)" : ""));
        }
        if (metric.quantile().isPresent()) {
            double quantile = metric.quantile().getAsDouble();
            long required = PercentileInterval.requiredSamples(quantile);
            double value = histogram.valueAtQuantile(quantile);
            if (samples < required) {
                // Too few samples for a verdict either way, unless even the quantile's lower confidence
                // end is beyond the threshold: then more samples could not make it pass.
                OptionalLong lowerEnd = PercentileInterval.lowerEnd(histogram, quantile,
                        PercentileInterval.DEFAULT_CONFIDENCE);
                if (lowerEnd.isPresent() && bound.judge(lowerEnd.getAsLong(), metric.direction()) == Verdict.FAIL) {
                    return outcome(result, metric, bound, Verdict.FAIL, value, samples,
                            (double) lowerEnd.getAsLong(), null,
                            metric.label() + " = " + metric.kind().format(value) + " exceeds the threshold "
                                    + metric.kind().format(bound.threshold()) + ", and so does its 95% lower confidence"
                                    + " limit " + metric.kind().format(lowerEnd.getAsLong()) + " from only "
                                    + QuantityKind.grouped(samples) + " samples" + context(result, samples));
                }
                return outcome(result, metric, bound, Verdict.INCONCLUSIVE, value, samples, null, null,
                        metric.label() + " needs at least " + QuantityKind.grouped(required) + " samples, got "
                                + QuantityKind.grouped(samples) + context(result, samples)
                                + ": raise invocations or duration in @PerfTest, or set allowInconclusive = true");
            }
            Optional<PercentileInterval> interval = PercentileInterval.of(histogram, quantile,
                    PercentileInterval.DEFAULT_CONFIDENCE);
            return judged(result, metric, bound, value, samples,
                    interval.map(i -> (double) i.lower()).orElse(null),
                    interval.map(i -> (double) i.upper()).orElse(null));
        }
        double value = metric == Metric.LATENCY_MAX ? histogram.max() : histogram.mean();
        return judged(result, metric, bound, value, samples, null, null);
    }

    private MetricOutcome judgeThroughput(TestResult result, Measurement measurement, Metric metric, Bound bound) {
        if (measurement.durationNanos() <= 0 || measurement.invocations() == 0) {
            return notMeasured(result, metric, bound, measurement.invocations(), "nothing was measured");
        }
        double perSecond = measurement.successes() * 1e9 / measurement.durationNanos();
        return judged(result, metric, bound, perSecond, measurement.invocations(), null, null);
    }

    private MetricOutcome judgeErrorRate(TestResult result, Measurement measurement, Metric metric, Bound bound) {
        long invocations = measurement.invocations();
        if (invocations == 0) {
            return notMeasured(result, metric, bound, 0, "no invocation was measured");
        }
        double rate = (double) measurement.errors() / invocations;
        Verdict verdict = bound.judge(rate, metric.direction());
        // An error rate below its bound is only credible when the bound would have been crossed by ten errors.
        long required = bound.threshold() > 0 ? (long) Math.ceil(10 / bound.threshold() - 1e-9) : 1;
        // (1e-9 absorbs the binary error of fractions such as 0.01, so 1% asks for 1,000, not 1,001)
        if (verdict != Verdict.FAIL && invocations < required) {
            return outcome(result, metric, bound, Verdict.INCONCLUSIVE, rate, invocations, null, null,
                    "error rate " + metric.kind().format(rate) + " rests on " + QuantityKind.grouped(invocations)
                            + " invocations; a bound of " + bound.text() + " needs at least "
                            + QuantityKind.grouped(required) + context(result, invocations)
                            + ": raise invocations or duration in @PerfTest, or set allowInconclusive = true");
        }
        MetricOutcome outcome = judged(result, metric, bound, rate, invocations, null, null);
        if (measurement.errors() > 0 && measurement.firstError() != null && outcome.verdict() == Verdict.FAIL) {
            return new MetricOutcome(metric, outcome.boundText(), outcome.verdict(), rate, invocations, null, null,
                    outcome.message() + "; " + QuantityKind.grouped(measurement.errors()) + " of "
                            + QuantityKind.grouped(invocations) + " invocations threw, first: " + measurement.firstError());
        }
        return outcome;
    }

    private MetricOutcome judgeMemory(TestResult result, Measurement measurement, Metric metric, Bound bound) {
        MemoryMeasurement memory = measurement.memory();
        if (memory == null) {
            return notMeasured(result, metric, bound, measurement.invocations(),
                    "the recording holds no memory figures (was the test run by the perfgate extension?)");
        }
        Double value = switch (metric) {
            case HEAP_AFTER_GC -> memory.heapAfterGcBytes() == null ? null : memory.heapAfterGcBytes().doubleValue();
            case ALLOCATION_PER_INVOCATION -> memory.allocatedBytesPerInvocation();
            case GC_PAUSE_MAX -> memory.gcPauseMaxNanos() == null ? null : memory.gcPauseMaxNanos().doubleValue();
            case GC_TIME -> memory.gcTimeNanos() == null ? null : memory.gcTimeNanos().doubleValue();
            default -> null;
        };
        if (value == null) {
            return notMeasured(result, metric, bound, measurement.invocations(),
                    "this JVM did not provide it (see the supported collectors in the README)");
        }
        return judged(result, metric, bound, value, measurement.invocations(), null, null);
    }

    /**
     * A leak is established only when the slope's interval lies wholly above the bound: an interval that
     * straddles it is no evidence of a leak (heap after GC is noisy), so it passes, with the interval shown.
     */
    private MetricOutcome judgeLeak(TestResult result, Measurement measurement, Metric metric, Bound bound) {
        HeapTrend trend = measurement.memory() == null ? null : measurement.memory().heapTrend();
        if (trend == null) {
            return notMeasured(result, metric, bound, measurement.invocations(),
                    "heap after GC was not sampled across the run");
        }
        if (trend.problem() != null) {
            return notMeasured(result, metric, bound, trend.samples().size(), trend.problem());
        }
        int count = trend.samples().size();
        Optional<LeakEstimate> fitted = LeakEstimate.of(trend);
        if (fitted.isEmpty()) {
            return outcome(result, metric, bound, Verdict.INCONCLUSIVE, null, count, null, null,
                    metric.label() + " needs at least " + LeakEstimate.MIN_SAMPLES + " heap samples after GC, got "
                            + count + context(result, count) + ": the test's time cap ended the leak-detection phase;"
                            + " raise maxDuration in @PerfTest, or set allowInconclusive = true");
        }
        LeakEstimate leak = fitted.get();
        SlopeEstimate slope = metric == Metric.LEAK_PER_INVOCATION ? leak.perInvocation() : leak.perSecond();
        QuantityKind kind = metric.kind();
        Verdict verdict = slope.lower() > bound.threshold() ? Verdict.FAIL
                : bound.target().isPresent() && slope.lower() > bound.target().getAsDouble() ? Verdict.WARN
                : Verdict.PASS;
        String measured = metric.label() + " = " + kind.format(slope.slope()) + " ("
                + Math.round(slope.confidence() * 100) + "% interval " + kind.format(slope.lower()) + " .. "
                + kind.format(slope.upper()) + ")";
        HeapSample first = leak.samples().get(0);
        HeapSample last = leak.samples().get(leak.samples().size() - 1);
        String evidence = "heap after GC went from " + QuantityKind.SIZE.format(first.heapAfterGcBytes()) + " to "
                + QuantityKind.SIZE.format(last.heapAfterGcBytes()) + " over "
                + QuantityKind.grouped(last.invocations() - first.invocations()) + " invocations";
        String message = switch (verdict) {
            case FAIL -> measured + " is significantly above the threshold " + kind.format(bound.threshold())
                    + ": " + evidence + "; something keeps a reference per invocation (a static collection,"
                    + " a cache without eviction, listeners never removed): compare two heap dumps"
                    + " (jcmd <pid> GC.heap_dump) taken some invocations apart";
            case WARN -> measured + " is significantly above the target " + kind.format(bound.target().getAsDouble())
                    + " (threshold " + kind.format(bound.threshold()) + "): " + evidence;
            default -> measured + " is not significantly above " + bound.text();
        };
        return outcome(result, metric, bound, verdict, slope.slope(), count, slope.lower(), slope.upper(),
                message + context(result, count));
    }

    private MetricOutcome judgeDatabase(TestResult result, Measurement measurement, Metric metric, Bound bound) {
        DatabaseMeasurement database = measurement.database();
        if (database == null) {
            return notMeasured(result, metric, bound, 0, "no database figures were recorded");
        }
        return switch (metric) {
            case QUERY_P95 -> judgeDatabaseLatency(result, metric, bound, database.statementHistogram(),
                    database.statements(), "statement",
                    database.statements() == 0 ? NO_STATEMENTS : null, slowestStatement(database));
            case TRANSACTION_P95 -> judgeDatabaseLatency(result, metric, bound, database.transactionHistogram(),
                    database.commits() + database.rollbacks(), "transaction",
                    database.commits() + database.rollbacks() == 0
                            ? (database.statements() == 0 ? NO_STATEMENTS
                            : "no explicit transaction ended (commit or rollback on a connection with auto-commit"
                            + " off) through a wrapped DataSource") : null,
                    "");
            case POOL_EFFICIENCY -> judgePoolEfficiency(result, metric, bound, database);
            case DEADLOCK_RATE -> judgeDeadlockRate(result, metric, bound, database);
            case STATEMENTS_PER_INVOCATION -> judgeStatementsPerInvocation(result, metric, bound, database);
            default -> throw new IllegalStateException(metric + " is not a database metric");
        };
    }

    private static final String NO_STATEMENTS = "no statement went through a wrapped DataSource; wrap the test's"
            + " DataSource with PerfDataSource.wrap(dataSource) before the code under test gets it";

    private MetricOutcome judgeDatabaseLatency(TestResult result, Metric metric, Bound bound, String encoded,
                                               long count, String what, String missing, String hint) {
        if (missing != null) {
            return notMeasured(result, metric, bound, 0, missing);
        }
        LatencyHistogram histogram = decode(result, encoded, what);
        double quantile = metric.quantile().orElseThrow();
        long required = PercentileInterval.requiredSamples(quantile);
        double value = histogram.valueAtQuantile(quantile);
        if (histogram.count() < required) {
            // as for latency: too few for a verdict, unless even the lower confidence end is beyond the threshold
            OptionalLong lowerEnd = PercentileInterval.lowerEnd(histogram, quantile,
                    PercentileInterval.DEFAULT_CONFIDENCE);
            if (lowerEnd.isPresent() && bound.judge(lowerEnd.getAsLong(), metric.direction()) == Verdict.FAIL) {
                return outcome(result, metric, bound, Verdict.FAIL, value, count, (double) lowerEnd.getAsLong(), null,
                        metric.label() + " = " + metric.kind().format(value) + " exceeds the threshold "
                                + metric.kind().format(bound.threshold()) + ", and so does its 95% lower confidence"
                                + " limit " + metric.kind().format(lowerEnd.getAsLong()) + " from only "
                                + QuantityKind.grouped(count) + " " + what + "s" + hint + context(result, count));
            }
            return outcome(result, metric, bound, Verdict.INCONCLUSIVE, value, count, null, null,
                    metric.label() + " needs at least " + QuantityKind.grouped(required) + " " + what + "s, got "
                            + QuantityKind.grouped(count) + context(result, count)
                            + ": raise invocations or duration in @PerfTest, or set allowInconclusive = true");
        }
        Optional<PercentileInterval> interval = PercentileInterval.of(histogram, quantile,
                PercentileInterval.DEFAULT_CONFIDENCE);
        return judged(result, metric, bound, value, count, interval.map(i -> (double) i.lower()).orElse(null),
                interval.map(i -> (double) i.upper()).orElse(null), hint);
    }

    private static String slowestStatement(DatabaseMeasurement database) {
        return database.topStatements().stream()
                .max((a, b) -> Long.compare(a.p95Nanos(), b.p95Nanos()))
                .map(top -> "; slowest statement: " + top.sql() + " (p95 " + QuantityKind.DURATION.format(top.p95Nanos())
                        + ", " + QuantityKind.grouped(top.count()) + " executions): check its plan (EXPLAIN)"
                        + " for a missing index")
                .orElse("");
    }

    private MetricOutcome judgePoolEfficiency(TestResult result, Metric metric, Bound bound,
                                              DatabaseMeasurement database) {
        long requests = database.connectionRequests();
        if (requests == 0) {
            return notMeasured(result, metric, bound, 0, database.statements() == 0 ? NO_STATEMENTS
                    : "no connection was requested from a wrapped DataSource (connections wrapped one by one"
                    + " have no pool to judge)");
        }
        double efficiency = (double) database.connectionsWithin1ms() / requests;
        // Credible only when ten slow requests would have crossed the bound.
        double slack = 1 - bound.threshold();
        long required = slack > 0 ? (long) Math.ceil(10 / slack - 1e-9) : 1;
        if (bound.judge(efficiency, metric.direction()) != Verdict.FAIL && requests < required) {
            return outcome(result, metric, bound, Verdict.INCONCLUSIVE, efficiency, requests, null, null,
                    metric.label() + " " + metric.kind().format(efficiency) + " rests on "
                            + QuantityKind.grouped(requests) + " connection requests; a bound of " + bound.text()
                            + " needs at least " + QuantityKind.grouped(required) + context(result, requests)
                            + ": raise invocations or duration in @PerfTest, or set allowInconclusive = true");
        }
        LatencyHistogram waits = decode(result, database.connectionWaitHistogram(), "connection wait");
        return judged(result, metric, bound, efficiency, requests, null, null, "; "
                + QuantityKind.grouped(requests - database.connectionsWithin1ms()) + " of "
                + QuantityKind.grouped(requests) + " connection requests waited over 1 ms (p95 wait "
                + QuantityKind.DURATION.format(waits.valueAtQuantile(0.95))
                + "): enlarge the pool, hold connections for less time, or put a pool in front of the database");
    }

    private MetricOutcome judgeDeadlockRate(TestResult result, Metric metric, Bound bound,
                                            DatabaseMeasurement database) {
        long transactions = database.transactions();
        if (transactions == 0) {
            return notMeasured(result, metric, bound, 0, NO_STATEMENTS);
        }
        double rate = (double) database.deadlocks() / transactions;
        long required = bound.threshold() > 0 ? (long) Math.ceil(10 / bound.threshold() - 1e-9) : 1;
        if (bound.judge(rate, metric.direction()) != Verdict.FAIL && transactions < required) {
            return outcome(result, metric, bound, Verdict.INCONCLUSIVE, rate, transactions, null, null,
                    metric.label() + " " + metric.kind().format(rate) + " rests on "
                            + QuantityKind.grouped(transactions) + " transactions; a bound of " + bound.text()
                            + " needs at least " + QuantityKind.grouped(required) + context(result, transactions)
                            + ": raise invocations or duration in @PerfTest, or set allowInconclusive = true");
        }
        String detail = database.deadlocks() == 0 ? "" : "; " + QuantityKind.grouped(database.deadlocks()) + " of "
                + QuantityKind.grouped(transactions) + " transactions failed with "
                + database.deadlocksBySqlState().keySet() + ", first: " + database.firstDeadlock()
                + "; take locks in one order everywhere, keep transactions short, and retry serialization failures";
        return judged(result, metric, bound, rate, transactions, null, null, detail);
    }

    private MetricOutcome judgeStatementsPerInvocation(TestResult result, Metric metric, Bound bound,
                                                       DatabaseMeasurement database) {
        long invocations = database.invocations();
        if (invocations == 0) {
            return notMeasured(result, metric, bound, 0, "no invocation boundaries were recorded");
        }
        if (database.statementsInInvocations() == 0 && database.statements() == 0) {
            return notMeasured(result, metric, bound, invocations, NO_STATEMENTS);
        }
        String detail = "";
        if (!database.worstInvocation().isEmpty()) {
            DatabaseMeasurement.StatementCount repeated = database.worstInvocation().get(0);
            String mean = QuantityKind.COUNT.format(
                    Math.round(10.0 * database.statementsInInvocations() / invocations) / 10.0);
            detail = "; the worst invocation ran \"" + repeated.sql() + "\" " + QuantityKind.grouped(repeated.count())
                    + (repeated.count() == 1 ? " time" : " times") + " (mean " + mean + " statements per invocation)"
                    + (repeated.count() > 1
                    ? ": an N+1 query; load those rows in one statement (a join, or WHERE ... IN (...))" : "");
        }
        return judged(result, metric, bound, database.maxStatementsPerInvocation(), invocations, null, null, detail);
    }

    private static LatencyHistogram decode(TestResult result, String encoded, String what) {
        if (encoded == null) {
            return new LatencyHistogram();
        }
        try {
            return LatencyHistogram.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidGateException(result.label() + ": the recorded " + what + " histogram is corrupt: "
                    + e.getMessage());
        }
    }

    private static LatencyHistogram histogramOf(TestResult result, Measurement measurement) {
        if (measurement.latencyHistogram() == null) {
            return new LatencyHistogram();
        }
        try {
            return LatencyHistogram.decode(measurement.latencyHistogram());
        } catch (IllegalArgumentException e) {
            throw new InvalidGateException(result.label() + ": the recorded latency histogram is corrupt: "
                    + e.getMessage());
        }
    }

    private MetricOutcome judged(TestResult result, Metric metric, Bound bound, double value, long samples,
                                 Double lower, Double upper) {
        return judged(result, metric, bound, value, samples, lower, upper, "");
    }

    /** @param violationDetail evidence and a fix, added to the message (before the context) on WARN or FAIL */
    private MetricOutcome judged(TestResult result, Metric metric, Bound bound, double value, long samples,
                                 Double lower, Double upper, String violationDetail) {
        if (!Double.isFinite(value)) {
            return notMeasured(result, metric, bound, samples, "the recorded value is " + value);
        }
        Verdict verdict = bound.judge(value, metric.direction());
        QuantityKind kind = metric.kind();
        String measured = metric.label() + " = " + kind.format(value);
        boolean lowerIsBetter = metric.direction() == io.perfgate.core.gate.Direction.LOWER_IS_BETTER;
        String message = switch (verdict) {
            case FAIL -> measured + (lowerIsBetter ? " exceeds the threshold " : " is below the threshold ")
                    + kind.format(bound.threshold());
            case WARN -> measured + (lowerIsBetter ? " exceeds the target " : " is below the target ")
                    + kind.format(bound.target().orElseThrow()) + " (threshold " + kind.format(bound.threshold()) + ")";
            default -> measured + " is within " + bound.text();
        };
        if (verdict == Verdict.FAIL || verdict == Verdict.WARN) {
            message += violationDetail;
        }
        return outcome(result, metric, bound, verdict, value, samples, lower, upper, message + context(result, samples));
    }

    private MetricOutcome notMeasured(TestResult result, Metric metric, Bound bound, long samples, String why) {
        return outcome(result, metric, bound, Verdict.FAIL, null, samples, null, null,
                metric.label() + " was declared but not measured: " + why + context(result, samples));
    }

    private static MetricOutcome outcome(TestResult result, Metric metric, Bound bound, Verdict verdict, Double value,
                                         long samples, Double lower, Double upper, String message) {
        return new MetricOutcome(metric, bound.text(), verdict, value, samples, lower, upper, message);
    }

    /** A gate scoped to one endpoint of a load result says which: "(UsersLoad#browse, endpoint GET /users, ...)". */
    private static MetricOutcome naming(String scope, TestResult result, MetricOutcome outcome) {
        String context = " (" + result.label() + ", ";
        if (scope == null || outcome.message() == null || !outcome.message().contains(context)) {
            return outcome;
        }
        return new MetricOutcome(outcome.metric(), outcome.boundText(), outcome.verdict(), outcome.value(),
                outcome.samples(), outcome.lower(), outcome.upper(),
                outcome.message().replace(context, context + "endpoint " + scope + ", "));
    }

    private String context(TestResult result, long samples) {
        if (result.benchmark() != null) {
            return benchmarkContext(result, samples);
        }
        return " (" + result.label() + ", " + QuantityKind.grouped(samples) + (samples == 1 ? " sample" : " samples")
                + (reportLocation == null ? "" : ", report: " + reportLocation) + ")";
    }

    private String reportSuffix() {
        return reportLocation == null ? "" : " (report: " + reportLocation + ")";
    }

    // JMH benchmarks: judged on JMH's score, in the mode the benchmark ran in.

    /**
     * A benchmark's gates. JMH records no error counts: a benchmark that threw is a failure of its own,
     * and one that ran cleanly has only the gates declared on it.
     */
    private TestOutcome evaluateBenchmark(TestResult result) {
        BenchmarkDetails benchmark = result.benchmark();
        List<GateOutcome> gates = new ArrayList<>();
        if (benchmark.failure() != null && result.status() == ResultStatus.COMPLETED) {
            gates.add(new GateOutcome(NO_ERRORS_ALLOWED, true, Verdict.FAIL, List.of(),
                    result.label() + " failed in JMH, so none of its figures count: " + benchmark.failure()
                            + "; fix the benchmark (JMH's output holds the whole stack trace)" + reportSuffix()));
            for (GateDeclaration declaration : result.gates()) {
                gates.add(new GateOutcome(declaration, false, Verdict.FAIL, List.of(),
                        "@" + declaration.gate() + " on " + declaration.declaredOn() + " was not judged: "
                                + result.label() + " failed in JMH" + reportSuffix()));
            }
        } else {
            for (GateDeclaration declaration : result.gates()) {
                gates.add(evaluate(result, declaration, false));
            }
        }
        // a benchmark without gates that ran cleanly is reported, and passes
        Verdict verdict = gates.isEmpty() && result.status() == ResultStatus.COMPLETED ? Verdict.PASS
                : Verdict.worst(gates.stream().map(GateOutcome::verdict).toList());
        return new TestOutcome(result, verdict, gates);
    }

    private MetricOutcome judgeBenchmark(TestResult result, Measurement measurement, Metric metric, Bound bound) {
        BenchmarkDetails benchmark = result.benchmark();
        Optional<BenchmarkMode> mode = BenchmarkMode.ofShortLabel(benchmark.mode());
        if (metric.gateType() == GateType.ERROR_RATE) {
            return outcome(result, metric, bound, Verdict.FAIL, null, measurement.invocations(), null, null,
                    "@ErrorRateGate does not apply to a JMH benchmark: JMH stops a benchmark at its first exception,"
                            + " which perfgate reports as a failure; remove it from " + result.label());
        }
        if (mode.isEmpty() || !mode.get().measures(metric)) {
            return outcome(result, metric, bound, Verdict.FAIL, null, measurement.invocations(), null, null,
                    metric.label() + " cannot be measured in " + benchmark.mode() + " mode" + context(result,
                            measurement.invocations()) + ": " + modeAdvice(metric));
        }
        if (metric.gateType() == GateType.MEMORY) {
            Double allocation = benchmark.allocationPerOperation();
            if (allocation == null) {
                return notMeasured(result, metric, bound, measurement.invocations(), "JMH's gc profiler reported"
                        + " no gc.alloc.rate.norm (perfgate:jmh runs it with -prof gc when a @MemoryGate is declared;"
                        + " the JVM may not support allocation counting)");
            }
            Double error = benchmark.allocationError();
            return judged(result, metric, bound, allocation, measurement.invocations(),
                    error == null ? null : allocation - error, error == null ? null : allocation + error);
        }
        if (metric.quantile().isPresent() || metric == Metric.LATENCY_MAX) {
            return judgeLatency(result, measurement, metric, bound);
        }
        OptionalDouble score = benchmark.baseScore();
        if (score.isEmpty()) {
            return notMeasured(result, metric, bound, measurement.invocations(), benchmark.score() == null
                    ? "JMH reported no score" : "JMH's unit '" + benchmark.scoreUnit() + "' is not one perfgate reads");
        }
        OptionalDouble error = benchmark.baseScoreError();
        double value = score.getAsDouble();
        return judged(result, metric, bound, value, measurement.invocations(),
                error.isPresent() ? value - error.getAsDouble() : null,
                error.isPresent() ? value + error.getAsDouble() : null);
    }

    private static String modeAdvice(Metric metric) {
        if (metric == Metric.THROUGHPUT) {
            return "throughput is measured in Mode.Throughput; add @BenchmarkMode(Mode.Throughput), or bound the"
                    + " time per operation with @LatencyGate(mean = ...)";
        }
        if (metric == Metric.LATENCY_MEAN) {
            return "time per operation is measured in Mode.AverageTime, Mode.SampleTime or Mode.SingleShotTime;"
                    + " add one with @BenchmarkMode, or bound throughput with @ThroughputGate(min = ...)";
        }
        if (metric.gateType() == GateType.LATENCY) {
            return "percentiles and the maximum need the distribution that only Mode.SampleTime records; add"
                    + " @BenchmarkMode(Mode.SampleTime), or bound the mean instead";
        }
        return "a JMH benchmark measures only allocation per operation (JMH's gc.alloc.rate.norm); bound heap"
                + " and GC in a JUnit test";
    }

    /** Where, and JMH's own figures: the score with its error, and how many forks and iterations it rests on. */
    private String benchmarkContext(TestResult result, long samples) {
        BenchmarkDetails benchmark = result.benchmark();
        StringBuilder context = new StringBuilder(" (").append(result.label());
        if (benchmark.score() != null) {
            context.append(", JMH score ").append(benchmark.scoreText()).append(" from ").append(benchmark.runText());
            if (BenchmarkMode.SAMPLE_TIME.shortLabel().equals(benchmark.mode())) {
                context.append(", ").append(QuantityKind.grouped(samples)).append(samples == 1 ? " sample" : " samples");
            }
        }
        if (reportLocation != null) {
            context.append(", report: ").append(reportLocation);
        }
        return context.append(')').toString();
    }
}
