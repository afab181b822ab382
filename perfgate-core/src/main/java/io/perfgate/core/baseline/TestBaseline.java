package io.perfgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfgate.core.result.TestResult;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline of one test, stored as one file in the baseline store: the fingerprint of the run it
 * came from, the replicate values of each compared metric, the full result (histograms and rounds)
 * for reference, and every accepted change.
 *
 * @param schemaVersion {@code major.minor}; a newer major version is refused, never overwritten
 * @param label         {@code OrderTest#create}, for people reading the file and for the accept switch
 * @param metrics       metric label ({@code p95}) to its replicate values
 * @param endpoints     for a load test: endpoint name to its metrics, as {@code metrics}
 * @param result        the result the baseline was recorded from
 * @param acceptances   accepted changes, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestBaseline(
        String schemaVersion,
        String id,
        String label,
        String kind,
        Fingerprint fingerprint,
        Map<String, BaselineMetric> metrics,
        Map<String, Map<String, BaselineMetric>> endpoints,
        TestResult result,
        List<Acceptance> acceptances) {

    public static final String SCHEMA_VERSION = "1.0";
    public static final int SCHEMA_MAJOR = 1;

    /** The metrics of the test's own measurement (scope null) or of one endpoint; empty when none. */
    public Map<String, BaselineMetric> metricsOf(String scope) {
        if (scope == null) {
            return metrics;
        }
        return endpoints.getOrDefault(scope, Map.of());
    }

    /** A copy with one scope's metrics replaced. */
    public TestBaseline withMetrics(String scope, Map<String, BaselineMetric> values, List<Acceptance> accepted) {
        if (scope == null) {
            return new TestBaseline(schemaVersion, id, label, kind, fingerprint, values, endpoints, result, accepted);
        }
        Map<String, Map<String, BaselineMetric>> byEndpoint = new TreeMap<>(endpoints);
        byEndpoint.put(scope, values);
        return new TestBaseline(schemaVersion, id, label, kind, fingerprint, metrics, byEndpoint, result, accepted);
    }

    public TestBaseline {
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        TreeMap<String, Map<String, BaselineMetric>> byEndpoint = new TreeMap<>();
        if (endpoints != null) {
            endpoints.forEach((name, values) -> byEndpoint.put(name,
                    java.util.Collections.unmodifiableMap(new TreeMap<>(values))));
        }
        endpoints = java.util.Collections.unmodifiableMap(byEndpoint);
        acceptances = acceptances == null ? List.of() : List.copyOf(acceptances);
    }
}
