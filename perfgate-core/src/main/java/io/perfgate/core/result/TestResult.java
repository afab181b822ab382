package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One result file: a test (or benchmark, or load scenario), the gates declared on it, and what was
 * measured. Written by the recorders, judged by {@code check}.
 *
 * @param schemaVersion {@code major.minor}; readers reject a newer major version
 * @param kind          what produced it: a JUnit test, a JMH benchmark or a load scenario
 * @param id            a stable unique id (JUnit's unique id); the file name is derived from it
 * @param className     the declaring class, fully qualified
 * @param methodName    the test method or benchmark
 * @param displayName   what the test framework displays (parameterized invocations differ by it)
 * @param endpoints     per-endpoint measurements of a load test, judged by gates whose scope names the endpoint
 * @param benchmark     what JMH reported, for {@code jmh} results; null for every other kind
 * @param frontend      what Lighthouse measured, for {@code lighthouse} results; null for every other kind
 * @param imported      the engine and files of a result {@code perfgate:import} read; null for results perfgate measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestResult(
        String schemaVersion,
        ResultKind kind,
        String id,
        String className,
        String methodName,
        String displayName,
        ResultStatus status,
        String statusReason,
        List<GateDeclaration> gates,
        Workload workload,
        Measurement measurement,
        Map<String, Measurement> endpoints,
        Environment environment,
        Instant startedAt,
        BenchmarkDetails benchmark,
        FrontendDetails frontend,
        ImportSource imported) {

    /** A load result from a scenario file is named after the file, kept whole: {@code shop.yaml#peak}. */
    private static final java.util.regex.Pattern SCENARIO_FILE = java.util.regex.Pattern.compile("\\.(ya?ml|json|xml)$");

    public static final String SCHEMA_VERSION = "1.0";
    public static final int SCHEMA_MAJOR = 1;

    public TestResult {
        gates = gates == null ? List.of() : List.copyOf(gates);
        endpoints = endpoints == null ? null : Map.copyOf(endpoints);
    }

    /** A result written before measuring, so a run that breaks off is told from one that never ran. */
    public static TestResult declared(ResultKind kind, String id, String className, String methodName,
                                      String displayName, List<GateDeclaration> gates, Workload workload) {
        return new TestResult(SCHEMA_VERSION, kind, id, className, methodName, displayName,
                ResultStatus.DECLARED, null, gates, workload, null, null, Environment.current(), Instant.now(), null, null,
                null);
    }

    public TestResult completed(Measurement measurement) {
        return completed(measurement, null);
    }

    public TestResult completed(Measurement measurement, Map<String, Measurement> endpoints) {
        return withStatus(ResultStatus.COMPLETED, null).withMeasurement(measurement, endpoints);
    }

    /**
     * Still DECLARED, but with the reason the recorder knows it measured nothing (a test failing before its
     * measurement, a declaration it could not use), so {@code check} fails it with that reason.
     */
    public TestResult unmeasured(String reason) {
        return withStatus(ResultStatus.DECLARED, reason).withMeasurement(null, null);
    }

    public TestResult skipped(String reason) {
        return withStatus(ResultStatus.SKIPPED, reason).withMeasurement(null, null);
    }

    // Copies with one part changed; every other part, the benchmark details included, is kept.

    public TestResult withStatus(ResultStatus newStatus, String newReason) {
        return new TestResult(schemaVersion, kind, id, className, methodName, displayName, newStatus, newReason, gates,
                workload, measurement, endpoints, environment, startedAt, benchmark, frontend, imported);
    }

    /** @param newEndpoints per-endpoint measurements; null for a result without endpoints */
    public TestResult withMeasurement(Measurement newMeasurement, Map<String, Measurement> newEndpoints) {
        return new TestResult(schemaVersion, kind, id, className, methodName, displayName, status, statusReason, gates,
                workload, newMeasurement, newEndpoints, environment, startedAt, benchmark, frontend, imported);
    }

    public TestResult withNames(String newClassName, String newMethodName, String newDisplayName) {
        return new TestResult(schemaVersion, kind, id, newClassName, newMethodName, newDisplayName, status,
                statusReason, gates, workload, measurement, endpoints, environment, startedAt, benchmark, frontend,
                imported);
    }

    public TestResult withDisplayName(String newDisplayName) {
        return withNames(className, methodName, newDisplayName);
    }

    public TestResult withGates(List<GateDeclaration> newGates) {
        return new TestResult(schemaVersion, kind, id, className, methodName, displayName, status, statusReason,
                newGates, workload, measurement, endpoints, environment, startedAt, benchmark, frontend, imported);
    }

    public TestResult withEnvironment(Environment newEnvironment) {
        return new TestResult(schemaVersion, kind, id, className, methodName, displayName, status, statusReason,
                gates, workload, measurement, endpoints, newEnvironment, startedAt, benchmark, frontend, imported);
    }

    public TestResult withStartedAt(Instant newStartedAt) {
        return new TestResult(schemaVersion, kind, id, className, methodName, displayName, status, statusReason,
                gates, workload, measurement, endpoints, environment, newStartedAt, benchmark, frontend, imported);
    }

    public TestResult withFrontend(FrontendDetails newFrontend) {
        return new TestResult(schemaVersion, kind, id, className, methodName, displayName, status, statusReason,
                gates, workload, measurement, endpoints, environment, startedAt, benchmark, newFrontend, imported);
    }

    /** The same result, marked as imported from another engine's files. */
    public TestResult importedFrom(ImportSource source) {
        return new TestResult(schemaVersion, kind, id, className, methodName, displayName, status, statusReason,
                gates, workload, measurement, endpoints, environment, startedAt, benchmark, frontend, source);
    }

    public TestResult withBenchmark(BenchmarkDetails newBenchmark) {
        return new TestResult(schemaVersion, kind, id, className, methodName, displayName, status, statusReason,
                gates, workload, measurement, endpoints, environment, startedAt, newBenchmark, frontend, imported);
    }

    /**
     * {@code OrderTest#create}, plus the display name when it says more (parameterized invocations). Load
     * scenarios keep their whole "class" (a scenario file such as {@code shop.yaml}) since it is no Java name.
     */
    @JsonIgnore
    public String label() {
        String simpleClass = className == null ? "?"
                : (kind == ResultKind.LOAD || kind == ResultKind.LIGHTHOUSE) && SCENARIO_FILE.matcher(className).find() ? className
                : className.substring(className.lastIndexOf('.') + 1);
        String base = methodName == null ? simpleClass : simpleClass + "#" + methodName + parameterTypes();
        if (displayName == null || methodName == null || displayName.equals(methodName)
                || displayName.startsWith(methodName + "(")) {
            return base;
        }
        return base + " [" + displayName + "]";
    }

    /** JUnit's unique id names the method with its parameter types: {@code [method:m(int)]}, {@code [test-template:...]}. */
    private static final java.util.regex.Pattern METHOD_SEGMENT =
            java.util.regex.Pattern.compile("\\[(?:method|test-template|test-factory):[^(\\]]*\\(([^)]*)\\)\\]");

    /**
     * {@code (int, String)} when the id shows the method takes parameters, so overloads never share a label;
     * empty for a method without any, and for ids that are not JUnit's.
     */
    private String parameterTypes() {
        java.util.regex.Matcher method = id == null || kind != ResultKind.JUNIT ? null : METHOD_SEGMENT.matcher(id);
        if (method == null || !method.find() || method.group(1).isBlank()) {
            return "";
        }
        StringBuilder types = new StringBuilder("(");
        for (String type : method.group(1).split(",")) {
            String name = type.strip();
            types.append(types.length() > 1 ? ", " : "").append(name.substring(name.lastIndexOf('.') + 1));
        }
        return types.append(')').toString();
    }
}
