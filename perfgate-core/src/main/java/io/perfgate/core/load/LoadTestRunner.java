package io.perfgate.core.load;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;
import io.perfgate.core.spec.GateReader;
import io.perfgate.core.spec.GateSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a {@link LoadTestDefinition} (its plan: as shaped, normal, peak or stress) and turns what was measured
 * into a {@link TestResult} of kind {@code load}: the overall measurement, and one measurement per endpoint for
 * the gates scoped to it. Records; never judges: {@code check} (or the JUnit extension) does that.
 */
public final class LoadTestRunner {
    /** The {@link TestResult#kind()} of load results. */
    public static final ResultKind KIND = ResultKind.LOAD;

    private LoadTestRunner() {
    }

    /**
     * Validates a definition without sending anything: gate bounds parse, each gate's scope names an endpoint of
     * the scenario, and the whole plan's worst case stays within maxDuration and maxRequests.
     *
     * @return the gates, read
     * @throws LoadConfigurationException naming the gate or field
     */
    public static List<GateSpec> validate(LoadTestDefinition definition) {
        List<String> endpoints = endpoints(definition.scenario());
        List<GateSpec> specs = new ArrayList<>();
        for (GateDeclaration gate : definition.gates()) {
            String where = "@" + gate.gate() + (gate.scope() == null ? "" : " for endpoint '" + gate.scope() + "'")
                    + " on " + gate.declaredOn();
            if (gate.scope() != null && !endpoints.contains(gate.scope())) {
                throw new LoadConfigurationException(where + ": the scenario has no endpoint '" + gate.scope()
                        + "'; its endpoints are " + endpoints);
            }
            try {
                if (gate.is(GateType.MEMORY)) {
                    throw new LoadConfigurationException(where + ": memory gates do not apply to load tests");
                }
                specs.add(GateReader.read(gate, where, (attribute, text) -> "@" + gate.gate() + "(" + attribute
                        + " = \"" + text + "\") on " + gate.declaredOn()));
            } catch (InvalidGateException e) {
                throw new LoadConfigurationException(e.getMessage(), e);
            }
        }
        PlanLimits.check(definition.plan(), definition.scenario());
        return specs;
    }

    /** The endpoint names of a scenario, in the order its flows declare them. */
    public static List<String> endpoints(LoadScenario scenario) {
        List<String> names = new ArrayList<>();
        CompiledFlow.compile(scenario.flows(), names);
        return names;
    }

    /** The result written before anything is sent, so a run that breaks off is told from one never started. */
    public static TestResult declared(LoadTestDefinition definition) {
        LoadScenario scenario = definition.scenario();
        long planned = scenario.shape() instanceof LoadShape.Open open ? Math.round(open.plannedArrivals()) : 0;
        Duration duration = definition.plan().duration() != null ? definition.plan().duration() : scenario.shape().duration();
        Workload workload = new Workload(null, 0, scenario.warmup().toNanos(), planned, duration.toNanos(),
                scenario.connections(), scenario.maxDuration().toNanos());
        return TestResult.declared(KIND, definition.id(), definition.className(), definition.methodName(),
                definition.displayName(), definition.gates(), workload);
    }

    /**
     * Runs the definition. A service that cannot be reached yields a result whose only request failed with the
     * connection error, so every gate FAILs naming it; it is never a pass.
     *
     * @throws LoadConfigurationException when the definition cannot run as written
     */
    public static LoadTestOutcome run(LoadTestDefinition definition, Consumer<String> console) {
        Consumer<String> out = console == null ? line -> { } : console;
        List<GateSpec> gates = validate(definition);
        TestResult declared = declared(definition);
        // one budget for every run of the plan: the probe and its run, or all stress steps
        LoadLimits limits = LoadLimits.startingNow(definition.scenario());
        try {
            return switch (definition.plan().kind()) {
                case AS_SHAPED -> single(declared, LoadGenerator.run(definition.scenario(), limits, out), null,
                        List.of(), out);
                case NORMAL, PEAK -> normalOrPeak(definition, declared, limits, out);
                case STRESS -> stress(definition, gates, declared, limits, out);
            };
        } catch (LoadRunException e) {
            out.accept("perfgate load '" + definition.scenario().name() + "': " + e.getMessage());
            Measurement unreachable = new Measurement(1, 1, Map.of(ErrorKind.CONNECTION.key(), 1L), e.getMessage(),
                    0, null, null, null, null);
            return new LoadTestOutcome(declared.completed(unreachable), List.of(), null, e.getMessage(), null);
        }
    }

    private static LoadTestOutcome single(TestResult declared, LoadRun run, Double capacity, List<LoadRun> before,
                                          Consumer<String> out) {
        out.accept(run.summary());
        List<LoadRun> runs = new ArrayList<>(before);
        runs.add(run);
        TestResult result = declared.completed(run.measurement(), run.endpointMeasurements());
        return new LoadTestOutcome(result, runs, capacity, null, run);
    }

    private static LoadTestOutcome normalOrPeak(LoadTestDefinition definition, TestResult declared, LoadLimits limits,
                                                Consumer<String> out) {
        LoadPlan plan = definition.plan();
        LoadScenario scenario = definition.scenario();
        List<LoadRun> before = new ArrayList<>();
        double normalRate;
        Double capacity = plan.capacity();
        boolean peak = plan.kind() == LoadPlan.Kind.PEAK;
        String kind = peak ? "peak" : "normal";
        if (plan.rate() != null) {
            normalRate = plan.rate();
        } else {
            if (capacity == null) {
                LoadRun probe = probe(scenario, plan, limits, out);
                before.add(probe);
                if (probe.overall().successes() == 0) {
                    out.accept(probe.summary());
                    TestResult result = declared.completed(probe.measurement(), probe.endpointMeasurements());
                    return new LoadTestOutcome(result, before, 0.0, "the capacity probe had no successful request",
                            probe);
                }
                capacity = probe.throughput();
                String tooTight = PlanLimits.remainingFor(plan, scenario, capacity, limits, probe);
                if (tooTight != null) {
                    // a run at a lower rate than the capacity asks for would be easier to pass: no verdict instead
                    LoadRun inconclusive = probe.inconclusive(tooTight);
                    out.accept("perfgate load '" + scenario.name() + "': " + kind + " load not run: " + tooTight);
                    TestResult result = declared.completed(inconclusive.measurement(),
                            inconclusive.endpointMeasurements());
                    return new LoadTestOutcome(result, before, capacity, null, inconclusive);
                }
            }
            normalRate = capacity * LoadPlan.NORMAL_SHARE;
        }
        double rate = PlanLimits.runRate(plan, normalRate);
        out.accept(String.format(Locale.ROOT, "perfgate load '%s': %s load at %s%s", scenario.name(),
                kind, Rates.format(rate),
                capacity == null ? "" : " (" + (peak ? "150% of 70%" : "70%") + " of the capacity " + Rates.format(capacity) + ")"));
        LoadRun run = LoadGenerator.run(scenario.withShape(LoadShape.Open.constant(rate, plan.duration()),
                scenario.warmup()), limits, out);
        return single(declared, run, capacity, before, out);
    }

    /**
     * Maximum throughput: one user per connection, back to back, within its share of the limits (the rest is kept
     * for the run). The capacity is the throughput over the time the probe actually measured.
     */
    private static LoadRun probe(LoadScenario scenario, LoadPlan plan, LoadLimits limits, Consumer<String> out) {
        out.accept("perfgate load '" + scenario.name() + "': measuring capacity (" + scenario.connections()
                + " users back to back for " + Rates.format(plan.probeDurationOrDefault()) + ")");
        LoadRun probe = LoadGenerator.run(scenario.withShape(
                LoadShape.Closed.maxThroughput(scenario.connections(), plan.probeDurationOrDefault()),
                scenario.warmup()), PlanLimits.probeLimits(plan, scenario, limits), out);
        out.accept("perfgate load '" + scenario.name() + "': capacity " + Rates.format(probe.throughput())
                + (probe.overall().errors() > 0 ? " (" + QuantityKind.grouped(probe.overall().errors()) + " errors)" : "")
                + probe.notes().stream().map(note -> "; " + note).reduce("", String::concat));
        return probe;
    }

    private static LoadTestOutcome stress(LoadTestDefinition definition, List<GateSpec> gates, TestResult declared,
                                          LoadLimits limits, Consumer<String> out) {
        LoadPlan plan = definition.plan();
        LoadScenario scenario = definition.scenario();
        double start = PlanLimits.stressStart(plan);
        double step = PlanLimits.stressStep(plan);
        double p95Bound = plan.p95BoundNanos() != null ? plan.p95BoundNanos()
                : overallThreshold(gates, Metric.LATENCY_P95).orElseThrow(() -> new LoadConfigurationException(
                "stress test '" + scenario.name() + "' needs a p95 bound to know when a step breaks: declare an overall"
                        + " latency gate with p95, or set p95 in the stress plan"));
        double errorBound = plan.maxErrorRate() != null ? plan.maxErrorRate()
                : overallThreshold(gates, Metric.ERROR_RATE).orElse(LoadPlan.DEFAULT_STRESS_ERROR_RATE);
        List<LoadRun> runs = new ArrayList<>();
        LoadRun held = null;
        LoadRun broke = null;
        String stop = null;
        boolean limitStop = false;
        for (int k = 0; k < plan.maxStepsOrDefault(); k++) {
            double rate = start + k * step;
            Duration warmup = k == 0 ? scenario.warmup() : Duration.ZERO;
            String limit = PlanLimits.stepDoesNotFit(scenario, rate, plan.stepDurationOrDefault(), warmup, limits);
            if (limit != null) {
                // the plan fits its limits; connecting and draining between steps used the rest
                stop = "step " + (k + 1) + " at " + Rates.format(rate) + " " + limit;
                limitStop = true;
                out.accept("perfgate load '" + scenario.name() + "': " + stop);
                break;
            }
            LoadRun run = LoadGenerator.run(scenario.withShape(LoadShape.Open.constant(rate, plan.stepDurationOrDefault()),
                    warmup), limits, out);
            runs.add(run);
            if (run.stoppedByLimit()) {
                // an unfinished step neither held nor broke
                stop = "step " + (k + 1) + " at " + Rates.format(rate) + " did not finish: " + String.join("; ", run.notes());
                limitStop = true;
                out.accept("perfgate load '" + scenario.name() + "': " + stop);
                if (held == null) {
                    broke = run.inconclusive(stop);
                }
                break;
            }
            long p95 = run.overall().latency().count() == 0 ? Long.MAX_VALUE : run.overall().latency().valueAtQuantile(0.95);
            double errors = run.overall().errorRate();
            String figures = String.format(Locale.ROOT, "stress step %d at %s: p95 %s (bound %s), errors %s (bound %s)",
                    k + 1, Rates.format(rate), p95 == Long.MAX_VALUE ? "none" : Rates.formatNanos(p95),
                    Rates.formatNanos(p95Bound), QuantityKind.PERCENT.format(errors), QuantityKind.PERCENT.format(errorBound));
            if (run.behindSchedule() != null) {
                stop = "the generator could not offer " + Rates.format(rate) + ": " + run.behindSchedule();
                out.accept("perfgate load '" + scenario.name() + "': " + figures + ": generator behind schedule");
                if (held == null) {
                    broke = run;
                }
                break;
            }
            if (p95 > p95Bound || errors > errorBound) {
                out.accept("perfgate load '" + scenario.name() + "': " + figures + ": broken");
                broke = run;
                stop = figures;
                break;
            }
            out.accept("perfgate load '" + scenario.name() + "': " + figures + ": held");
            held = run;
        }
        LoadRun chosen = held != null ? held : broke;
        if (chosen == null) {
            return new LoadTestOutcome(declared.unmeasured("stress test '" + scenario.name() + "' ran no step: " + stop),
                    runs, null, null, null);
        }
        Double capacity = held == null ? null : held.offeredRate();
        String capacityText = held == null ? "no step held (the first, at " + Rates.format(start) + ", "
                + (limitStop ? "did not finish within the limits)" : "broke)")
                : "capacity " + Rates.format(capacity) + (broke == null && stop == null
                ? " or more: every step held; raise maxSteps or stepRate to find the limit"
                : limitStop ? " or more: the limits ended the test before a step broke" : "");
        out.accept("perfgate load '" + scenario.name() + "': " + capacityText + (stop == null ? "" : "; stopped: " + stop));
        out.accept(chosen.summary());
        TestResult result = declared.completed(chosen.measurement(), chosen.endpointMeasurements());
        result = result.withDisplayName(capacityText);
        return new LoadTestOutcome(result, runs, capacity, null, chosen);
    }

    /** The threshold of a whole-scenario bound. */
    private static Optional<Double> overallThreshold(List<GateSpec> gates, Metric metric) {
        return gates.stream()
                .filter(gate -> gate.scope() == null)
                .flatMap(gate -> gate.bound(metric).stream())
                .map(Bound::threshold)
                .findFirst();
    }
}
