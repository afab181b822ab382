package io.perfgate.junit.load;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.load.LoadConfigurationException;
import io.perfgate.core.load.LoadPlan;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.load.LoadRunException;
import io.perfgate.core.load.LoadScenario;
import io.perfgate.core.load.LoadTestDefinition;
import io.perfgate.core.load.LoadTestOutcome;
import io.perfgate.core.load.LoadTestRunner;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.ErrorRateGate;
import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.ThroughputGate;
import io.perfgate.junit.internal.Declarations;
import io.perfgate.junit.internal.RecordsItsOwnResult;
import io.perfgate.junit.internal.RunSettings;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the HTTP load scenario of a {@link LoadTest} and records its result, judged by the test's gates: the
 * overall {@link LatencyGate}, {@link ThroughputGate} and {@link ErrorRateGate}, and the {@link Endpoint} gates.
 * Injected as a test method parameter; one run per test, which the gate extension leaves to it.
 */
@RecordsItsOwnResult
public final class LoadRunner {
    private final ExtensionContext context;
    private boolean used;

    LoadRunner(ExtensionContext context) {
        this.context = context;
    }

    /**
     * Runs the scenario as shaped (open or closed model) and returns what it measured.
     *
     * @throws LoadRunException after recording the failure, when the service cannot be reached
     */
    public LoadRun run(LoadScenario scenario) {
        LoadTestOutcome outcome = run(scenario, LoadPlan.AS_SHAPED);
        return outcome.runs().isEmpty() ? null : outcome.runs().get(outcome.runs().size() - 1);
    }

    public LoadRun run(LoadScenario.Builder scenario) {
        return run(scenario.build());
    }

    /**
     * Runs a normal, peak or stress test of the scenario ({@link LoadPlan}) and returns every run it made and
     * the capacity it found.
     */
    public LoadTestOutcome run(LoadScenario scenario, LoadPlan plan) {
        String test = Declarations.testLabel(context);
        if (used) {
            throw new ExtensionConfigurationException(test + " runs a second load scenario; a load test records one"
                    + " result: split it into two tests");
        }
        used = true;
        RunSettings settings = RunSettings.of(context);
        LoadScenario named = "load".equals(scenario.name()) ? rename(scenario, context.getRequiredTestMethod().getName())
                : scenario;
        LoadTestDefinition definition;
        try {
            definition = new LoadTestDefinition(context.getUniqueId(), context.getRequiredTestClass().getName(),
                    context.getRequiredTestMethod().getName(), context.getDisplayName(), named, plan, gates(test));
            LoadTestRunner.validate(definition);
        } catch (LoadConfigurationException e) {
            throw new ExtensionConfigurationException(test + ": " + e.getMessage(), e);
        }
        boolean record = settings.mode() != RunSettings.Mode.OFF;
        if (record) {
            settings.resultsDirectory().ifPresent(dir -> ResultFiles.write(dir, LoadTestRunner.declared(definition)));
        }
        LoadTestOutcome outcome;
        try {
            outcome = LoadTestRunner.run(definition, line -> System.out.println("[perfgate] " + line));
        } catch (LoadConfigurationException e) {
            throw new ExtensionConfigurationException(test + ": " + e.getMessage(), e);
        }
        if (record) {
            settings.resultsDirectory().ifPresent(dir -> ResultFiles.write(dir, outcome.result()));
        }
        if (settings.mode() == RunSettings.Mode.STANDALONE) {
            judge(outcome.result());
        }
        if (outcome.failure() != null) {
            // recorded as failed for check; the test cannot go on without a run either
            throw new LoadRunException(test + ": " + outcome.failure(), null);
        }
        return outcome;
    }

    private static LoadScenario rename(LoadScenario scenario, String name) {
        return new LoadScenario(name, scenario.baseUri(), scenario.flows(), scenario.shape(), scenario.connections(),
                scenario.warmup(), scenario.responseTimeout(), scenario.connectTimeout(), scenario.maxDuration(),
                scenario.maxRequests(), scenario.allowRemoteHost(), scenario.progressInterval(), scenario.seed());
    }

    /** The overall gates as for any gated test, plus the {@code @Endpoint} gates scoped to their endpoints. */
    private List<GateDeclaration> gates(String test) {
        List<GateDeclaration> gates = new ArrayList<>(Declarations.resolve(context)
                .map(Declarations.Resolved::gates).orElse(List.of()));
        for (GateDeclaration gate : gates) {
            if (gate.is(GateType.MEMORY)) {
                throw new ExtensionConfigurationException("@MemoryGate on " + gate.declaredOn()
                        + " does not apply to a load test: the load runs in other threads and processes");
            }
        }
        Set<String> seen = new HashSet<>();
        endpointGates(context.getRequiredTestMethod(), "method " + test, seen, gates);
        for (Class<?> type = context.getRequiredTestClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            endpointGates(type, "class " + Declarations.simpleName(type) + ", for " + test, seen, gates);
        }
        return gates;
    }

    /** Adds the element's endpoint gates not already declared nearer (method before class). */
    private static void endpointGates(AnnotatedElement element, String where, Set<String> seen, List<GateDeclaration> gates) {
        Set<String> here = new HashSet<>();
        Endpoint[] endpoints = element instanceof Class<?> type ? type.getDeclaredAnnotationsByType(Endpoint.class)
                : element.getAnnotationsByType(Endpoint.class);
        for (Endpoint endpoint : endpoints) {
            String name = endpoint.value().strip();
            if (name.isEmpty()) {
                throw new ExtensionConfigurationException("@Endpoint on " + where + " names no endpoint");
            }
            if (!here.add(name)) {
                throw new ExtensionConfigurationException("@Endpoint(\"" + name + "\") is declared twice on " + where
                        + "; declare each endpoint once");
            }
            List<Annotation[]> kinds = List.of(endpoint.latency(), endpoint.throughput(), endpoint.errorRate());
            if (kinds.stream().allMatch(array -> array.length == 0)) {
                throw new ExtensionConfigurationException("@Endpoint(\"" + name + "\") on " + where
                        + " sets no gate; give latency, throughput or errorRate");
            }
            for (Annotation[] kind : kinds) {
                if (kind.length > 1) {
                    throw new ExtensionConfigurationException("@Endpoint(\"" + name + "\") on " + where + " gives "
                            + kind.length + " @" + kind[0].annotationType().getSimpleName() + "; give one");
                }
                if (kind.length == 1 && seen.add(name + "|" + kind[0].annotationType().getSimpleName())) {
                    gates.add(declaration(kind[0], name, where));
                }
            }
        }
    }

    private static GateDeclaration declaration(Annotation gate, String endpoint, String where) {
        String declaredOn = where + ", endpoint " + endpoint;
        return Declarations.spec(gate, declaredOn, declaredOn, endpoint).declaration();
    }

    /** Run alone: fail on blocking violations with the messages {@code check} prints; show the others. */
    private static void judge(TestResult result) {
        TestOutcome outcome = new GateEvaluator(null).evaluate(result);
        System.out.println("[perfgate] " + result.label() + ": " + outcome.verdict());
        List<String> blocking = new ArrayList<>();
        for (GateOutcome gate : outcome.gates()) {
            if (gate.blocks()) {
                blocking.addAll(gate.violationMessages());
            } else if (gate.violated()) {
                String kind = gate.verdict() == Verdict.INCONCLUSIVE ? "INCONCLUSIVE (allowed)" : gate.verdict().name();
                gate.violationMessages().forEach(message -> System.err.println("[perfgate] " + kind + ": " + message));
            }
        }
        if (!blocking.isEmpty()) {
            throw new AssertionFailedError(String.join("\n", blocking));
        }
    }
}
