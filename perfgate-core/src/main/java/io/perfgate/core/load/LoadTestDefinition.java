package io.perfgate.core.load;

import io.perfgate.core.result.GateDeclaration;

import java.util.List;

/**
 * A load test as declared, in a scenario file or in a JUnit test: what to run and the gates on its result.
 * Gates with a {@link GateDeclaration#scope() scope} apply to the endpoint of that name.
 *
 * @param id          a stable unique id; the result file's name is derived from it
 * @param className   names the test in reports (the scenario file, or the test class)
 * @param methodName  the scenario, or the test method
 * @param displayName what reports display; null for the method name
 */
public record LoadTestDefinition(
        String id,
        String className,
        String methodName,
        String displayName,
        LoadScenario scenario,
        LoadPlan plan,
        List<GateDeclaration> gates) {

    public LoadTestDefinition {
        if (id == null || id.isBlank()) {
            throw new LoadConfigurationException("a load test needs an id");
        }
        plan = plan == null ? LoadPlan.AS_SHAPED : plan;
        gates = gates == null ? List.of() : List.copyOf(gates);
        if (scenario == null) {
            throw new LoadConfigurationException("load test " + id + " has no scenario");
        }
    }
}
